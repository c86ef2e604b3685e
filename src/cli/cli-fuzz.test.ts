/**
 * Fuzzing the command line (issue: every flag validated; bad input gets a clear message, never a crash):
 * thousands of random argument lists, built from the real flag names and hostile values, must end in either
 * JSON on stdout with finite numbers (exit 0) or one `error: …` line (exit 2) — never exit 1 (an unexpected
 * exception) and never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCli } from './dispatch.ts';

const FLAGS: Record<string, string[]> = {
  position: ['side', 'entry', 'qty', 'wallet', 'margin', 'other-mm', 'other-upnl', 'tiers'],
  funding: ['premium', 'interest', 'clamp', 'cap', 'interval-hours', 'size', 'price'],
  'adl-rank': ['method', 'positions'],
  'margin-loan': ['collateral-qty', 'price', 'loan', 'haircut', 'call-ltv', 'liquidation-ltv'],
  list: [],
  scenario: ['id', 'seed', 'days'],
  run: [
    'scenario',
    'regime',
    'seed',
    'traders',
    'retail-share',
    'leakage',
    'affiliated-mm',
    'days',
    'engine',
  ],
};

const hostile = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-0',
    '0x10',
    '1,5',
    '١٢',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    '{"a":',
    '[]',
    '[{}]',
    '[{"id":"A"}]',
    'null',
    'true',
    '9'.repeat(400),
    '--',
    '-',
    'long',
    'short',
    'cross',
    'isolated',
    'binance',
    'bitmex',
    'hyperliquid',
    'on',
    'off',
    'fast',
    'reference',
    'synthetic-calm',
    'synthetic-flash-crash',
    '2025-10-tariff-crash',
    'hk-sfc-2026',
    'offshore-cex',
    '[{"floor":0,"mmr":0.004},{"floor":50000,"mmr":0.005}]',
    '[{"floor":5,"mmr":0.004}]',
    '[{"floor":0,"mmr":2}]',
    '[{"id":"A","side":"long","qty":1,"entry":100,"mark":120,"wallet":10,"mmr":0.004}]',
    '[{"id":"A","side":"up","qty":-1,"entry":0,"mark":1,"wallet":1,"mmr":0}]',
  ),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.string({ maxLength: 12 }),
);

/** Values that keep a `run` small when they happen to be valid. */
const runValue = (flag: string) =>
  flag === 'traders'
    ? fc.oneof(fc.constantFrom('3', '20', '0', '2', '1000001', 'x'), hostile)
    : flag === 'days'
      ? fc.oneof(fc.constantFrom('0.25', '0.5', '0', '61', 'x'), hostile)
      : hostile;

/** Mostly-valid required flags, so a good share of the cases reach the engine rather than the parser. */
const REQUIRED: Record<string, string[]> = {
  position: ['--side', 'long', '--entry', '50000', '--qty', '1', '--wallet', '5000'],
  funding: ['--premium', '0.0003'],
  'adl-rank': [
    '--method',
    'binance',
    '--positions',
    '[{"id":"A","side":"long","qty":1,"entry":100,"mark":120,"wallet":10,"mmr":0.004}]',
  ],
  'margin-loan': ['--collateral-qty', '1', '--price', '60000', '--loan', '24000'],
  list: [],
  scenario: ['--id', 'synthetic-calm', '--days', '0.25'],
  run: ['--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--traders', '20', '--days', '0.25'],
};

const argvFor = (command: string) =>
  fc
    .tuple(fc.boolean(), randomArgv(command))
    .map(([base, argv]) => (base ? [argv[0]!, ...REQUIRED[command]!, ...argv.slice(1)] : argv));

const randomArgv = (command: string) => {
  const names = FLAGS[command]!;
  const flag = fc.oneof(
    fc.constantFrom(...(names.length ? names : ['x'])),
    fc.constantFrom('help', 'x', 'tiers', 'days'),
  );
  return fc
    .array(fc.tuple(flag, command === 'run' ? fc.constant(null) : hostile, fc.boolean()), { maxLength: 8 })
    .chain((pairs) =>
      fc
        .tuple(
          ...pairs.map(([name, value, equals]) =>
            (value === null ? runValue(name) : fc.constant(value)).map((v) =>
              equals ? [`--${name}=${v}`] : [`--${name}`, v],
            ),
          ),
        )
        .map((parts) => [command, ...parts.flat()]),
    );
};

const tally = { ok: 0, refused: 0 };

function check(argv: string[]): void {
  const outcome = runCli(argv);
  if (outcome.exitCode === 0) tally.ok++;
  else tally.refused++;
  expect(outcome.exitCode, `${JSON.stringify(argv)} → ${outcome.stderr}`).not.toBe(1);
  if (outcome.exitCode === 0) {
    if (argv.includes('--help')) return;
    const parsed: unknown = JSON.parse(outcome.stdout);
    expect(JSON.stringify(parsed)).not.toMatch(/NaN|Infinity/);
  } else {
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toMatch(/^error: [^\n]+\n/);
    expect(outcome.stderr).not.toMatch(/\bat .+\(.+:\d+:\d+\)/); // no stack frames
  }
}

describe('the command line under fuzzing', () => {
  it.each(['position', 'funding', 'adl-rank', 'margin-loan', 'list', 'scenario'])(
    '%s: 1,500 random argument lists end cleanly',
    (command) => {
      fc.assert(
        fc.property(argvFor(command), (argv) => check(argv)),
        { numRuns: command === 'scenario' ? 300 : 1_500 },
      );
    },
  );

  it('run: 150 random argument lists (kept small when valid) end cleanly', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(argvFor('run'), (argv) => check(argv)),
      { numRuns: 150 },
    );
  });

  it('refuses command names that exist on Object.prototype (found by fuzzing: "toString")', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty'])
      expect(runCli([name])).toMatchObject({
        exitCode: 2,
        stderr: expect.stringMatching(/^error: unknown command/),
      });
  });

  it('unknown commands and empty input end cleanly', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }), (argv) => check(argv)),
      { numRuns: 1_000 },
    );
  });
});
