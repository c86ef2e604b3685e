import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN, type RunConfig } from '../../engine/run/config.ts';
import { FRAME_FIELDS } from '../../engine/run/frames.ts';
import { runScenario, type RunResult } from '../../engine/run/run.ts';
import { exportName, framesCsv, runJson } from './export-run.ts';

describe('run exports', () => {
  let configs: RunConfig[];
  let results: RunResult[];
  beforeAll(() => {
    const base = { ...DEFAULT_RUN, population: { ...DEFAULT_RUN.population, traders: 30 } };
    configs = [
      { ...base, regime: 'hk-sfc-2026' },
      { ...base, regime: 'offshore-cex' },
    ];
    results = configs.map(runScenario);
  });

  it('writes one CSV header of field names and one row per frame and rule set', () => {
    const csv = framesCsv(results);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(['rule_set', 'regime', ...FRAME_FIELDS].join(','));
    const frames = results[0]!.frames.length;
    expect(lines).toHaveLength(1 + frames + results[1]!.frames.length);
    expect(lines[1]!.startsWith('A,hk-sfc-2026,0,')).toBe(true);
    expect(lines[1 + frames]!.startsWith('B,offshore-cex,0,')).toBe(true);
    // Every row has every column, numbers read back exactly.
    for (const line of lines) expect(line.split(',')).toHaveLength(2 + FRAME_FIELDS.length);
    const last = lines[lines.length - 1]!.split(',');
    const traded = FRAME_FIELDS.indexOf('btcTraded') + 2;
    expect(Number(last[traded])).toBe(results[1]!.frames.btcTraded[results[1]!.frames.length - 1]);
  });

  it('writes JSON that parses back with the configs, summaries, frames as arrays and events', () => {
    const parsed = JSON.parse(runJson(configs, results));
    expect(parsed.format).toBe('leverage-lab-run');
    expect(parsed.runs).toHaveLength(2);
    parsed.runs.forEach((run: Record<string, unknown>, r: number) => {
      const result = results[r]!;
      expect(run.ruleSet).toBe(['A', 'B'][r]);
      expect(run.summary).toEqual(JSON.parse(JSON.stringify(result.summary)));
      expect(run.config).toEqual(JSON.parse(JSON.stringify(configs[r])));
      const frames = run.frames as Record<string, number[]>;
      expect(Array.isArray(frames.btcIndex)).toBe(true);
      expect(frames.minute).toHaveLength(result.frames.length);
      expect((run.events as unknown[]).length).toBe(result.events.length);
      expect(run.eventsOmitted).toBe(0);
      const outcomes = run.outcomes as { returnOnWealth: number[]; professional: number[] };
      expect(outcomes.returnOnWealth).toHaveLength(30);
      expect(Array.isArray(outcomes.professional)).toBe(true);
    });
  });

  it('names files after the scenario, rule sets and seed', () => {
    expect(exportName(results, 'csv')).toBe(
      'leverage-lab_2025-10-tariff-crash_hk-sfc-2026-vs-offshore-cex_seed20251010.csv',
    );
    expect(exportName(results, 'png', 'price')).toMatch(/_seed20251010_price\.png$/);
  });
});
