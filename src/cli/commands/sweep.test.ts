/**
 * `sweep` on the command line: each point equals a separate `compare --seeds` run with the guardrail set to the
 * point's value (an independent path: --set through compare, not the sweep's plan), and bad flags are refused
 * with the flag, the value and what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../dispatch.ts';
import type { RunSummary } from '../../engine/run/summary.ts';

const cli = (...argv: string[]) => runCli(argv);
const json = (...argv: string[]) => {
  const out = cli(...argv);
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(0);
  return JSON.parse(out.stdout) as Record<string, unknown>;
};
const SMALL = ['--scenario', 'synthetic-flash-crash', '--days', '1', '--seed', '1', '--traders', '50'];
const HAIRCUT = 'financing.collateral.BTC.haircut';

type Spread = { p10: number; median: number; p90: number; runs: number };
type Point = { value: number } & Record<string, Spread>;

/** Median of a list, written out here rather than taken from the code under test. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

describe('sweep', () => {
  it('gives at each value what compare --seeds gives with the guardrail set to it', () => {
    const { points } = json(
      'sweep',
      ...SMALL,
      '--regime',
      'hk-sfc-2026',
      '--guardrail',
      HAIRCUT,
      '--from',
      '0',
      '--to',
      '0.9',
      '--steps',
      '3',
      '--seeds',
      '3',
    ) as { points: Point[] };
    expect(points.map((p) => p.value)).toEqual([0, 0.45, 0.9]);
    for (const point of points) {
      const compared = json(
        'compare',
        ...SMALL,
        '--regimes',
        'hk-sfc-2026',
        '--set',
        `${HAIRCUT}=${point.value}`,
        '--seeds',
        '3',
      ) as { runs: RunSummary[]; acrossSeeds: { figures: Record<string, Spread> }[] };
      const figures = compared.acrossSeeds[0]!.figures;
      for (const [path, spread] of Object.entries(figures)) expect(point[path], path).toEqual(spread);
      // The two differences the outcome card shows, from the runs themselves.
      const runs = compared.runs;
      expect(point['byClass.retail.loss']!.median).toBeCloseTo(
        median(runs.map((r) => Math.max(0, -r.byClass.retail.pnl))),
        6,
      );
      expect(point['insuranceFund.drawdown']!.median).toBeCloseTo(
        median(runs.map((r) => r.insuranceFund.start - r.insuranceFund.min)),
        6,
      );
    }
    // The guardrail acts in this run: a sweep whose ends agree would prove little.
    expect(points[0]!['byClass.retail.pnl']!.median).not.toBe(points[2]!['byClass.retail.pnl']!.median);
  }, 60_000);

  it("takes the guardrail's default range and the rule set's other changes (--set)", () => {
    const { points } = json(
      'sweep',
      ...SMALL,
      '--regime',
      'offshore-cex',
      '--guardrail',
      'perp.maxLeverage',
      '--steps',
      '2',
      '--seeds',
      '1',
      '--set',
      'perp.liquidationFeeRate=0.01',
    ) as { points: Point[] };
    expect(points.map((p) => p.value)).toEqual([1, 125]);
  });

  it.each([
    [['--guardrail', 'perp.tiers.BTC'], '--guardrail must be a guardrail with one number'],
    [['--guardrail', 'nonsense'], '--guardrail must be'],
    [['--guardrail', HAIRCUT, '--steps', '1'], '--steps must be a whole number from 2 to 50 (got 1)'],
    [['--guardrail', HAIRCUT, '--seeds', '0'], '--seeds must be a whole number from 1 to 200 (got 0)'],
    [
      ['--guardrail', HAIRCUT, '--from', '0.5', '--to', '0.2'],
      '--to must be a number greater than 0.5 (got 0.2)',
    ],
    [['--guardrail', HAIRCUT, '--to', 'lots'], '--to must be a finite number (got "lots")'],
    [
      ['--guardrail', HAIRCUT, '--to', '1.5', '--steps', '2'],
      'BTC haircut must be between 0 and 1 (got 1.5)',
    ],
    [['--guardrail', 'perp.maxLeverage', '--to', '50'], 'BTC maximum leverage must be below 20'],
    [['--guardrail', HAIRCUT, '--set', `${HAIRCUT}=0.5`], `--set ${HAIRCUT} is the guardrail swept`],
  ])('refuses %j', (flags, message) => {
    const seeds = flags.includes('--seeds') ? [] : ['--seeds', '1'];
    const out = cli('sweep', ...SMALL, '--regime', 'hk-sfc-2026', ...seeds, ...flags);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(message);
  });

  it('refuses a field of a guardrail the rule set does not have', () => {
    const out = cli(
      'sweep',
      ...SMALL,
      '--regime',
      'eu-esma-retail',
      '--guardrail',
      'perp.partialLiquidation.sliceFraction',
    );
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('perp.partialLiquidation is none under this rule set');
  });

  it('requires --regime and --guardrail', () => {
    expect(cli('sweep', ...SMALL, '--guardrail', HAIRCUT).stderr).toContain('--regime is required');
    expect(cli('sweep', ...SMALL, '--regime', 'hk-sfc-2026').stderr).toContain('--guardrail is required');
  });
});
