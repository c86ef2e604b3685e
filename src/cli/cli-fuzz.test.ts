/**
 * Fuzzing the command line (issue: every flag validated; bad input gets a clear message, never a crash):
 * thousands of random argument lists, built from the real flag names and hostile values, must end in either
 * JSON on stdout with finite numbers (exit 0) or one `error: …` line (exit 2) — never exit 1 (an unexpected
 * exception) and never a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMANDS, runCli } from './dispatch.ts';

/** Each command's own flag list (its `allowOnly` list), so that a new flag is fuzzed without editing this file. */
const FLAGS: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(COMMANDS).map(([name, command]) => [name, command.FLAGS]),
);

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

/** Values that keep a `run` or `compare` small when they happen to be valid. */
const runValue = (flag: string) =>
  flag === 'traders'
    ? fc.oneof(fc.constantFrom('3', '20', '0', '2', '1000001', 'x'), hostile)
    : flag === 'days'
      ? fc.oneof(fc.constantFrom('0.25', '0.5', '0', '61', 'x'), hostile)
      : flag === 'seeds'
        ? fc.constantFrom('1', '2', '0', '1001', 'x', 'NaN', '1.5')
        : flag === 'set'
          ? fc.oneof(
              fc.constantFrom(
                'perp.maxLeverage=5',
                'perp.maxLeverage=NaN',
                'perp.maxLeverage=-1',
                'financing.collateral.BTC.haircut=0.5',
                'no.such.key=1',
                '=1',
              ),
              hostile,
            )
          : flag === 'guardrail'
            ? fc.oneof(
                fc.constantFrom('financing.collateral.BTC.haircut', 'perp.maxLeverage', 'perp.tiers.BTC'),
                hostile,
              )
            : flag === 'steps'
              ? fc.oneof(fc.constantFrom('2', '3', '1', '51', 'x'), hostile)
              : flag === 'regime' || flag === 'regimes'
                ? fc.oneof(
                    fc.constantFrom('hk-sfc-2026', 'offshore-cex', 'hk-sfc-2026,offshore-cex', 'x,'),
                    hostile,
                  )
                : hostile;

/** Commands whose valid cases run the engine: their values come from `runValue`. */
const RUNS = new Set(['run', 'compare', 'sweep']);

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
  compare: [
    '--scenario',
    'synthetic-calm',
    '--regimes',
    'hk-sfc-2026,offshore-cex',
    '--traders',
    '20',
    '--days',
    '0.25',
  ],
  sweep: [
    '--scenario',
    'synthetic-calm',
    '--regime',
    'hk-sfc-2026',
    '--guardrail',
    'financing.collateral.BTC.haircut',
    '--traders',
    '20',
    '--days',
    '0.25',
    '--steps',
    '2',
    '--seeds',
    '1',
  ],
};

const argvFor = (command: string) =>
  fc
    .tuple(fc.boolean(), randomArgv(command))
    .map(([base, argv]) => (base ? [argv[0]!, ...(REQUIRED[command] ?? []), ...argv.slice(1)] : argv));

const randomArgv = (command: string) => {
  const names = FLAGS[command]!;
  const flag = fc.oneof(
    fc.constantFrom(...(names.length ? names : ['x'])),
    fc.constantFrom('help', 'x', 'tiers', 'days'),
  );
  return fc
    .array(fc.tuple(flag, RUNS.has(command) ? fc.constant(null) : hostile, fc.boolean()), { maxLength: 8 })
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

/**
 * Where a number is NaN or ±Infinity. The command line prints JSON.stringify's text, which writes them as
 * `null`, so the printed text cannot show them: the value given to JSON.stringify is checked with a replacer.
 */
function nonFinitePaths(value: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(value, (key: string, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) found.push(`${key}=${v}`);
    return v;
  });
  return found;
}

/** The last value runCli gave JSON.stringify (its output), recorded while `recording`. */
let recording = false;
let serialised: unknown;
const stringify = JSON.stringify;
beforeAll(() => {
  JSON.stringify = ((value: unknown, ...rest: unknown[]) => {
    if (recording) serialised = value;
    return (stringify as (...args: unknown[]) => string)(value, ...rest);
  }) as typeof JSON.stringify;
});
afterAll(() => {
  JSON.stringify = stringify;
});

function check(argv: string[]): void {
  serialised = undefined;
  recording = true;
  let outcome;
  try {
    outcome = runCli(argv);
  } finally {
    recording = false;
  }
  if (outcome.exitCode === 0) tally.ok++;
  else tally.refused++;
  expect(outcome.exitCode, `${JSON.stringify(argv)} → ${outcome.stderr}`).not.toBe(1);
  if (outcome.exitCode === 0) {
    if (argv.includes('--help')) return;
    expect(JSON.parse(outcome.stdout)).toEqual(JSON.parse(stringify(serialised)));
    expect(nonFinitePaths(serialised), JSON.stringify(argv)).toEqual([]);
  } else {
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toMatch(/^error: [^\n]+\n/);
    expect(outcome.stderr).not.toMatch(/\bat .+\(.+:\d+:\d+\)/); // no stack frames
  }
}

describe('the command line under fuzzing', () => {
  it.each(Object.keys(COMMANDS).filter((name) => !RUNS.has(name)))(
    '%s: random argument lists end cleanly (1,500; 300 for scenario and for commands without flags)',
    (command) => {
      fc.assert(
        fc.property(argvFor(command), (argv) => check(argv)),
        { numRuns: command === 'scenario' || FLAGS[command]!.length === 0 ? 300 : 1_500 },
      );
    },
  );

  it('run: 150 random argument lists (kept small when valid) end cleanly', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(argvFor('run'), (argv) => check(argv)),
      { numRuns: 150 },
    );
  });

  it('compare: 40 random argument lists (kept small when valid) end cleanly', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(argvFor('compare'), (argv) => check(argv)),
      { numRuns: 40 },
    );
  });

  it('sweep: 40 random argument lists (kept small when valid) end cleanly', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(argvFor('sweep'), (argv) => check(argv)),
      { numRuns: 40 },
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
