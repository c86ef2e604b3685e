/**
 * The worker's summary-only runs (workers/run-settings.ts `asSummaryRun`: no frames, nobody traced, invariants
 * checked at the end) give the full run's summary: every figure the ranges over seeds and the sweeps read is
 * the same, on both rule sets of the app's default state and several seeds. Only `conservationError` (the
 * largest error the checks saw) may differ.
 */
import { describe, expect, it } from 'vitest';
import { engineApi } from '../../workers/engine-api.ts';
import { DEFAULT_RUN, type RunConfig } from '../engine/run/config.ts';
import { runScenario } from '../engine/run/run.ts';
import { summaryFigures } from '../engine/run/figure-paths.ts';

const withoutCheckTrace = ({ conservationError: _, ...summary }: { conservationError: number }) => summary;

describe('summary-only runs', () => {
  it('give the full run’s summary, figure for figure', { timeout: 120_000 }, async () => {
    for (const regime of ['hk-sfc-2026', 'offshore-cex'] as const)
      for (const seed of [DEFAULT_RUN.seed, DEFAULT_RUN.seed + 7, 3]) {
        const config: RunConfig = { ...DEFAULT_RUN, regime, seed, follow: [4] };
        const full = runScenario(config).summary;
        const only = await engineApi.summary(1, config);
        expect(summaryFigures(only)).toEqual(summaryFigures(full));
        expect(withoutCheckTrace(only)).toEqual(withoutCheckTrace(full));
      }
  });
});
