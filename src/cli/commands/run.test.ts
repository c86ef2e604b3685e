import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parseFlags } from '../args.ts';
import * as compare from './compare.ts';
import * as list from './list.ts';
import * as runCommand from './run.ts';
import { runConfigFromFlags } from './run-flags.ts';

const flags = (...argv: string[]) => parseFlags(argv);

describe('cli list, run and compare', () => {
  it('lists the nine scenarios and seven regimes', () => {
    const out = list.run(flags());
    expect(out.scenarios.map((s) => s.id)).toContain('2025-10-tariff-crash');
    expect(out.scenarios).toHaveLength(9);
    expect(out.regimes.map((r) => r.id)).toEqual([
      'hk-sfc-2026',
      'hk-sfc-2026-securities-only',
      'offshore-cex',
      'onchain-perp-dex',
      'eu-esma-retail',
      'jp-fsa-retail',
      'us-cftc',
    ]);
  });

  it('--check-every N asks the engine for invariant checks every N steps; the run itself is the same', () => {
    const base = ['--scenario', 'synthetic-flash-crash', '--days', '0.25', '--traders', '30'];
    expect(runConfigFromFlags(flags(...base)).invariantEvery).toBeUndefined();
    expect(runConfigFromFlags(flags(...base, '--check-every', '7')).invariantEvery).toBe(7);
    expect(() => runConfigFromFlags(flags(...base, '--check-every', '-1'))).toThrow(/--check-every/);
    const atEnd = runCommand.run(flags(...base, '--regime', 'offshore-cex'));
    const everyStep = runCommand.run(flags(...base, '--regime', 'offshore-cex', '--check-every', '1'));
    expect(everyStep.checksum).toBe(atEnd.checksum);
    expect(everyStep.conservationError).toBeLessThan(1e-9);
  });

  it('run prints every summary field the issue names', () => {
    const s = runCommand.run(
      flags(
        '--scenario',
        'synthetic-flash-crash',
        '--regime',
        'offshore-cex',
        '--days',
        '0.5',
        '--traders',
        '50',
      ),
    );
    for (const key of [
      'scenario',
      'regime',
      'seed',
      'traders',
      'steps',
      'liquidations',
      'adl',
      'insuranceFund',
      'lossesBeyondDeposits',
      'brokerShortfall',
      'byClass',
      'maxPriceDislocation',
      'conservationError',
      'checksum',
    ])
      expect(s).toHaveProperty(key);
    expect(s.steps).toBe(720);
    expect(s.traders).toBe(50);
    expect(Object.keys(s.byClass.retail).sort()).toEqual([
      'deposits',
      'liquidated',
      'loss',
      'pnl',
      'traders',
    ]);
    expect(Object.keys(s.insuranceFund).sort()).toEqual(['drawdown', 'drawn', 'end', 'min', 'start']);
  });

  it('compare gives the same summaries as separate runs', () => {
    const common = ['--scenario', 'synthetic-volatile', '--days', '0.25', '--traders', '40', '--seed', '3'];
    const both = compare.run(flags(...common, '--regimes', 'hk-sfc-2026,us-cftc'));
    expect(both.runs[1]).toEqual(runCommand.run(flags(...common, '--regime', 'us-cftc')));
  });

  it('--engine reference gives the same summary as the default fast engine', () => {
    const common = [
      '--scenario',
      'synthetic-flash-crash',
      '--regime',
      'offshore-cex',
      '--days',
      '0.5',
      '--traders',
      '80',
    ];
    expect(runCommand.run(flags(...common, '--engine', 'reference'))).toEqual(
      runCommand.run(flags(...common)),
    );
  });

  it.each([
    [
      ['--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--engine', 'turbo'],
      '--engine must be fast or reference (got "turbo")',
    ],
    [['--scenario', 'x', '--regime', 'hk-sfc-2026'], '--scenario must be one of'],
    [['--scenario', 'synthetic-calm', '--regime', 'mars'], '--regime must be one of hk-sfc-2026'],
    [
      ['--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--traders', '2'],
      '--traders must be a whole number from 3 to 1000000 (got 2)',
    ],
    [
      ['--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--traders', '10.5'],
      '--traders must be a whole number from 3 to 1000000 (got 10.5)',
    ],
    [
      ['--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--leakage', '2'],
      '--leakage must be between 0 and 1 (got 2)',
    ],
    [
      ['--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--affiliated-mm', 'yes'],
      '--affiliated-mm must be on or off (got "yes")',
    ],
    [
      ['--scenario', '2022-05-luna', '--regime', 'hk-sfc-2026', '--days', '3'],
      '--days must be left out for 2022-05-luna, a historical scenario with a fixed length',
    ],
    [
      ['--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--days', '1000'],
      '--days must be between 0.25 and 730 (got 1000)',
    ],
    [['--scenario', 'synthetic-calm', '--regime', 'hk-sfc-2026', '--colour', 'red'], 'unknown flag --colour'],
  ])('refuses %j with a message saying what is allowed', (argv, message) => {
    expect(() => runCommand.run(flags(...argv))).toThrow(message);
  });

  it('exits non-zero with one line on stderr, no stack trace, through the real command line', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'compare',
        '--scenario',
        'synthetic-calm',
        '--regimes',
        'hk-sfc-2026,hk-sfc-2026',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'error: --regimes must be a list of distinct rule-set ids (got "hk-sfc-2026,hk-sfc-2026")',
    );
  });
});
