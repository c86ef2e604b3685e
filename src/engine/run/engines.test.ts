/**
 * The fast engine against the reference engine (the plain per-trader-per-step loops, kept as the oracle):
 * the same event stream, checksum, summary and frames, over seeds, scenarios, regimes and population sizes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESET_IDS } from '../regimes/types.ts';
import { SCENARIO_IDS } from '../scenarios/catalogue.ts';
import { REFUSED_CHOICES } from '../population/settings.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { runScenario } from './run.ts';

function both(config: RunConfig) {
  const reference = runScenario({ ...config, engine: 'reference' });
  const fast = runScenario({ ...config, engine: 'fast' });
  return { reference, fast };
}

describe('fast engine = reference engine', () => {
  it(
    'gives the identical event stream, checksum, summary and frames (fast-check over configs)',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(
          fc.record({
            seed: fc.integer({ min: 0, max: 2 ** 31 }),
            scenario: fc.constantFrom(
              ...SCENARIO_IDS.filter((id) => id.startsWith('synthetic')),
              '2025-10-tariff-crash',
              '2021-05-crash',
            ),
            regime: fc.constantFrom(...PRESET_IDS),
            // Mostly classroom sizes, sometimes above 150 (where the fast engine's indexes hold more traders).
            traders: fc.oneof(
              { weight: 4, arbitrary: fc.integer({ min: 3, max: 150 }) },
              { weight: 1, arbitrary: fc.integer({ min: 151, max: 400 }) },
            ),
            retailShare: fc.double({ min: 0, max: 1, noNaN: true }),
            leakage: fc.constantFrom(0, 0.3, 1),
            refusedChoice: fc.constantFrom(...REFUSED_CHOICES),
            affiliated: fc.boolean(),
            // What the run records: the worker's 'notable' log, followed traders, the frame interval.
            eventLog: fc.constantFrom('all' as const, 'notable' as const),
            follow: fc.array(fc.nat(), { maxLength: 3 }),
            frameEveryMinutes: fc.constantFrom(undefined, 1, 7, 60),
          }),
          (drawn) => {
            const { seed, scenario, regime, traders, retailShare, leakage, refusedChoice, affiliated } =
              drawn;
            const config: RunConfig = {
              ...DEFAULT_RUN,
              seed,
              scenario,
              regime,
              affiliatedMarketMaker: affiliated,
              population: { ...DEFAULT_RUN.population, traders, retailShare, leakage, refusedChoice },
              ...(scenario.startsWith('synthetic') ? { days: 0.5 } : {}),
              eventLog: drawn.eventLog,
              follow: drawn.follow.map((id) => id % traders),
              ...(drawn.frameEveryMinutes === undefined
                ? {}
                : { frameEveryMinutes: drawn.frameEveryMinutes }),
            };
            const { reference, fast } = both(config);
            expect(fast.summary.checksum).toBe(reference.summary.checksum);
            expect(JSON.stringify(fast.events)).toBe(JSON.stringify(reference.events));
            expect(fast.summary).toEqual(reference.summary);
            expect(fast.frames).toEqual(reference.frames);
            expect(fast.traces).toEqual(reference.traces);
            // What a run records does not change what happens: the defaults give the same summary and checksum.
            if (config.eventLog === 'notable' || config.follow!.length > 0 || 'frameEveryMinutes' in config) {
              const plain = runScenario({
                ...config,
                eventLog: 'all',
                follow: [],
                frameEveryMinutes: undefined,
              });
              expect(fast.summary).toEqual(plain.summary);
            }
          },
        ),
        {
          numRuns: 25,
          // Always one population above 150, recording as the app's worker does.
          examples: [
            [
              {
                seed: 11,
                scenario: 'synthetic-flash-crash',
                regime: 'offshore-cex',
                traders: 400,
                retailShare: 0.7,
                leakage: 0.3,
                refusedChoice: 'stay-out',
                affiliated: true,
                eventLog: 'notable',
                follow: [0, 5, 399],
                frameEveryMinutes: 7,
              },
            ],
          ],
        },
      );
    },
  );

  it(
    'agrees on a classroom crash run under every preset, with cascades, ADL and margin calls',
    { timeout: 120_000 },
    () => {
      const kinds = new Set<string>();
      const crashes = [
        { scenario: 'synthetic-flash-crash', days: 1 },
        { scenario: '2020-03-black-thursday' },
      ] as const;
      for (const regime of PRESET_IDS)
        for (const crash of crashes) {
          const { reference, fast } = both({ ...DEFAULT_RUN, ...crash, regime });
          for (const e of reference.events) kinds.add(e.type);
          expect(fast.summary.checksum, regime).toBe(reference.summary.checksum);
          expect(fast.summary).toEqual(reference.summary);
        }
      for (const kind of ['liquidation', 'adl', 'margin-call', 'forced-sale', 'product-refused'])
        expect(kinds).toContain(kind);
    },
  );
});
