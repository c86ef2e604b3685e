/**
 * The command line on the shared validation layer: hostile flag values not tried elsewhere are refused with
 * exit code 2 and one line naming the flag, the value given and what is allowed; a refusal from the engine
 * ends the same way, never with a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from './dispatch.ts';
import { parseNumber } from './args.ts';
import { Refusal, wholeNumber } from '../engine/validation/index.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const RUN = ['run', '--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--days', '0.25'];
const POSITION = ['position', '--side', 'long', '--entry', '100', '--qty', '1', '--wallet', '10'];
const LOAN = ['margin-loan', '--collateral-qty', '1', '--price', '60000', '--loan', '24000'];

function refusedWith(argv: string[], message: string): void {
  const outcome = runCli(argv);
  expect(outcome).toEqual({ exitCode: 2, stdout: '', stderr: `error: ${message}\n` });
}

describe('flag values refused by the layer', () => {
  it.each([
    [[...RUN, '--traders', '2.5'], '--traders must be a whole number from 3 to 1000000 (got 2.5)'],
    [[...RUN, '--traders', '1e400'], '--traders must be a whole number from 3 to 1000000 (got "1e400")'],
    [[...RUN, '--traders', '0x10'], '--traders must be a whole number from 3 to 1000000 (got "0x10")'],
    [[...RUN, '--traders', ' 5'], '--traders must be a whole number from 3 to 1000000 (got " 5")'],
    [[...RUN, '--traders', '+5'], '--traders must be a whole number from 3 to 1000000 (got "+5")'],
    [[...RUN, '--traders', '1_000'], '--traders must be a whole number from 3 to 1000000 (got "1_000")'],
    [[...RUN, '--seed', '-0.5'], '--seed must be a whole number from 0 to 9007199254740991 (got -0.5)'],
    [
      [...RUN, '--seed', '__proto__'],
      '--seed must be a whole number from 0 to 9007199254740991 (got "__proto__")',
    ],
    [[...RUN, '--retail-share', 'Infinity'], '--retail-share must be between 0 and 1 (got "Infinity")'],
    [[...RUN, '--engine', 'constructor'], '--engine must be fast or reference (got "constructor")'],
    [
      ['run', '--scenario', 'toString', '--regime', 'hk-sfc-2026'],
      expect.stringMatching(
        /^--scenario must be one of 2020-03-black-thursday, .* \(got "toString"\)$/,
      ) as never,
    ],
    [
      [...RUN.slice(0, 3), '--regime', '__proto__'],
      expect.stringMatching(/^--regime must be one of hk-sfc-2026/) as never,
    ],
    [['funding', '--premium', '1e400'], '--premium must be a finite number (got "1e400")'],
    [['funding', '--premium', '0', '--clamp', '-1e-9'], '--clamp must be a number ≥ 0 (got -1e-9)'],
    [[...LOAN, '--haircut', '.'], '--haircut must be between 0 and 1 (got ".")'],
    [
      [...POSITION, '--tiers', '{"floor":0,"mmr":0.004}'],
      '--tiers must be a JSON array (got "{\\"floor\\":0,\\"mmr\\":0.004}")',
    ],
    [[...POSITION, '--tiers', '[[0,0.004]]'], '--tiers[0] must be an object with floor, mmr (got [0,0.004])'],
    [
      [...POSITION, '--tiers', '[{"floor":0}]'],
      '--tiers[0].mmr must be between 0 and 1 (1 excluded) (got nothing)',
    ],
    [
      [...POSITION, '--tiers', '[{"floor":0,"mmr":0.004,"__proto__":{"mmr":1}}]'],
      '--tiers[0] field name must be floor or mmr (got "__proto__")',
    ],
    [
      [
        'adl-rank',
        '--method',
        'binance',
        '--positions',
        '[{"id":"A","side":"long","qty":1,"entry":1,"mark":1,"wallet":1,"mmr":0},{"id":"A","side":"short","qty":1,"entry":1,"mark":1,"wallet":1,"mmr":0}]',
      ],
      '--positions[1].id must be an id no earlier position has (got "A")',
    ],
    [
      ['compare', '--scenario', 'synthetic-calm', '--regimes', 'us-cftc,us-cftc'],
      '--regimes must be a list of distinct rule-set ids (got "us-cftc,us-cftc")',
    ],
  ] as [string[], string][])('%j', (argv, message) => {
    const outcome = runCli(argv);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.slice('error: '.length, -1)).toEqual(message);
  });

  it('shows a very long value as one short line', () => {
    const outcome = runCli([...RUN, '--traders', '9'.repeat(10_000) + '\nx']);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toMatch(
      /^error: --traders must be a whole number from 3 to 1000000 \(got "9+…\)\n$/,
    );
    expect(outcome.stderr.length).toBeLessThan(150);
  });

  it('reads -0 as 0', () => {
    expect(Object.is(parseNumber('--seed', '-0', wholeNumber(0)), 0)).toBe(true);
    refusedWith(
      [...LOAN.slice(0, 1), '--collateral-qty', '-0', ...LOAN.slice(3)],
      '--collateral-qty must be a number greater than 0 (got 0)',
    );
  });

  it('throws a Refusal carrying the flag, the value and the rule', () => {
    try {
      parseNumber('--traders', '2.5', wholeNumber(3, 1_000_000));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Refusal);
      const r = error as Refusal;
      expect([r.field, r.given, r.allowed]).toEqual([
        '--traders',
        2.5,
        { kind: 'whole', min: 3, max: 1_000_000 },
      ]);
    }
  });
});

describe('refusals from the engine', () => {
  it('end with exit code 2 and one line naming the flag, as a flag refusal does', () => {
    const outcome = runCli([...POSITION, '--tiers', '[{"floor":5,"mmr":0.004}]']);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toMatch(/^error: --tiers[,:] .* must be .*\(got 5\)\n$/);
  });

  it('reach the real command line as one line, without a stack trace', { timeout: 60_000 }, () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...RUN, '--traders', '2.5'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: --traders must be a whole number from 3 to 1000000 (got 2.5)\n');
  });
});
