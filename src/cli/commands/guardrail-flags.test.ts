/**
 * `guardrails`, `--set` and `--seeds` on the command line: the catalogue as JSON, a demonstration replayed
 * through --set (changing the checksum as the catalogue says), refusals in the engine's own words, and the
 * across-seeds statistics checked against the runs they come from.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../dispatch.ts';
import { GUARDRAIL_CATALOGUE, overridesOf } from '../../engine/guardrail-catalogue/index.ts';
import { customRegime, REGIMES } from '../../engine/regimes/index.ts';
import { isRefusal } from '../../engine/validation/index.ts';
import type { RunSummary } from '../../engine/run/summary.ts';

const cli = (...argv: string[]) => runCli(argv);
const json = (...argv: string[]) => {
  const out = cli(...argv);
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout) as unknown;
};
const SMALL = ['--scenario', 'synthetic-flash-crash', '--days', '0.5', '--seed', '1', '--traders', '40'];

describe('guardrails', () => {
  it('prints every catalogue entry as {key, title, simulated, demonstration}', () => {
    const entries = json('guardrails') as Record<string, unknown>[];
    expect(entries).toHaveLength(GUARDRAIL_CATALOGUE.length);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(['demonstration', 'key', 'simulated', 'title']);
      const demo = entry.demonstration as Record<string, unknown>;
      for (const field of ['scenario', 'seed', 'traders', 'regimes', 'set'])
        expect(demo).toHaveProperty(field);
      expect(demo.regimes).toHaveLength(1);
    }
    expect(entries.some((e) => e.simulated === false)).toBe(true);
  });
});

describe('--set', () => {
  it('replays a demonstration from the command line: the checksum changes', () => {
    const entry = GUARDRAIL_CATALOGUE.find((e) => e.key === 'perp.maxLeverage')!;
    const d = entry.demonstration;
    const base = [
      'run',
      '--scenario',
      d.scenario,
      ...(d.days === undefined ? [] : ['--days', String(d.days)]),
      '--seed',
      String(d.seed),
      '--traders',
      String(d.traders),
      '--regime',
      d.regimes[0],
    ];
    const sets = Object.entries(d.set).flatMap(([k, v]) => ['--set', `${k}=${JSON.stringify(v)}`]);
    const before = json(...base) as RunSummary;
    const after = json(...base, ...sets) as RunSummary;
    expect(after.checksum).not.toBe(before.checksum);
    expect(after.regime).toBe('custom');
  });

  it('sets a field of a record guardrail, text values and several settings at once', () => {
    const base = json('run', ...SMALL, '--regime', 'hk-sfc-2026') as RunSummary;
    const changed = json(
      'run',
      ...SMALL,
      '--regime',
      'hk-sfc-2026',
      '--set',
      'financing.collateral.BTC.haircut=0.9',
      '--set',
      'perp.markMethod=last-traded',
    ) as RunSummary;
    expect(changed.checksum).not.toBe(base.checksum);
  });

  it('refuses a value in the words the engine refuses it in (the app panel’s wording)', () => {
    const out = cli(
      'run',
      ...SMALL,
      '--regime',
      'hk-sfc-2026',
      '--set',
      'financing.collateral.BTC.haircut=1.2',
    );
    expect(out.exitCode).toBe(2);
    let engine: unknown;
    try {
      customRegime(
        'hk-sfc-2026',
        overridesOf(REGIMES['hk-sfc-2026'], { 'financing.collateral.BTC.haircut': 1.2 }),
      );
    } catch (e) {
      engine = e;
    }
    expect(isRefusal(engine)).toBe(true);
    expect(out.stderr).toBe(`error: ${(engine as Error).message}\n`);
    expect(out.stderr).toContain('BTC haircut');
  });

  it('refuses an unknown key, a missing "=", a key given twice and a field of a guardrail that is none', () => {
    const run = (...set: string[]) => cli('run', ...SMALL, '--regime', 'eu-esma-retail', ...set);
    expect(run('--set', 'perp.leverage=5').stderr).toMatch(/--set guardrail must be a guardrail key/);
    expect(run('--set', 'perp.maxLeverage').stderr).toMatch(/--set needs KEY=VALUE/);
    expect(run('--set', 'perp.maxLeverage=2', '--set', 'perp.maxLeverage=1').stderr).toMatch(/given twice/);
    expect(run('--set', 'perp.partialLiquidation.sliceFraction=0.5').stderr).toMatch(
      /none under this rule set/,
    );
    for (const out of [run('--set', 'perp.leverage=5'), run('--set', 'x')]) expect(out.exitCode).toBe(2);
  });

  it('applies to every regime of a comparison', () => {
    const plain = json('compare', ...SMALL, '--regimes', 'hk-sfc-2026,offshore-cex') as {
      runs: RunSummary[];
    };
    const set = json(
      'compare',
      ...SMALL,
      '--regimes',
      'hk-sfc-2026,offshore-cex',
      '--set',
      'perp.maxLeverage=2',
    ) as {
      runs: RunSummary[];
    };
    expect(set.runs.map((r) => r.regime)).toEqual(['custom', 'custom']);
    expect(set.runs[1]!.checksum).not.toBe(plain.runs[1]!.checksum);
  });
});

describe('compare --seeds', () => {
  it('runs seeds seed … seed+N−1 and gives each figure’s median and 10th/90th percentiles per regime', () => {
    const out = json('compare', ...SMALL, '--regimes', 'hk-sfc-2026,offshore-cex', '--seeds', '3') as {
      runs: RunSummary[];
      acrossSeeds: { regime: string; seeds: number[]; figures: Record<string, Record<string, number>> }[];
    };
    expect(out.runs.map((r) => [r.seed, r.regime])).toEqual([
      [1, 'hk-sfc-2026'],
      [1, 'offshore-cex'],
      [2, 'hk-sfc-2026'],
      [2, 'offshore-cex'],
      [3, 'hk-sfc-2026'],
      [3, 'offshore-cex'],
    ]);
    const offshore = out.acrossSeeds[1]!;
    expect(offshore.regime).toBe('offshore-cex');
    expect(offshore.seeds).toEqual([1, 2, 3]);
    // Three values: the median is the middle one, p10 and p90 interpolate 20% of the way from either end.
    const pnl = out.runs.filter((r) => r.regime === 'offshore-cex').map((r) => r.byClass.retail.pnl);
    const [lo, mid, hi] = [...pnl].sort((a, b) => a - b) as [number, number, number];
    const spread = offshore.figures['byClass.retail.pnl']!;
    expect(spread.median).toBe(mid);
    expect(spread.p10).toBeCloseTo(lo + 0.2 * (mid - lo), 6);
    expect(spread.p90).toBeCloseTo(mid + 0.8 * (hi - mid), 6);
    expect(spread.runs).toBe(3);
    for (const key of [
      'liquidations.traders',
      'broker.marginCalls',
      'funding.paid',
      'markets.BTC.liquidations.count',
    ])
      expect(offshore.figures).toHaveProperty(key);
  });

  it('prints no statistics without --seeds, and refuses a count out of range', () => {
    expect(json('compare', ...SMALL, '--regimes', 'us-cftc')).not.toHaveProperty('acrossSeeds');
    const out = cli('compare', ...SMALL, '--regimes', 'us-cftc', '--seeds', '0');
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/--seeds must be a whole number from 1 to 1000 \(got 0\)/);
  });
});
