/** fast-check arbitraries of states a link may carry, for the round-trip and fuzz tests. */
import fc from 'fast-check';
import {
  GUARDRAIL_KEYS,
  guardrailValue,
  type GuardrailKey,
  type RegimeOverrides,
} from '../../engine/regimes/index.ts';
import { REGIMES, customRegime } from '../../engine/regimes/catalogue.ts';
import { PRESET_IDS, type PresetId } from '../../engine/regimes/types.ts';
import { SCENARIOS } from '../../engine/scenarios/catalogue.ts';
import { MAX_TRADERS, MIN_TRADERS } from '../../engine/population/settings.ts';
import { locales } from '../i18n/catalogues.ts';
import { LINK_SPEEDS, type SharedState } from './shared-state.ts';
import { MAX_FOLLOWED, MAX_FRAME } from './validate.ts';

/** Values each guardrail takes in some preset, plus a few edits a user might make. */
function candidates(key: GuardrailKey): unknown[] {
  const seen = new Map<string, unknown>();
  const add = (v: unknown) => seen.set(JSON.stringify(v), v);
  for (const id of PRESET_IDS) add(structuredClone(guardrailValue(REGIMES[id], key)));
  for (const v of [...seen.values()]) {
    if (typeof v === 'number') {
      add(v * 0.5);
      add(v * 1.25 + 1e-7);
      add(Number((v / 3).toPrecision(17)));
    }
  }
  return [...seen.values()];
}

const CANDIDATES = Object.fromEntries(GUARDRAIL_KEYS.map((k) => [k, candidates(k)])) as Record<
  GuardrailKey,
  unknown[]
>;

/** Overrides built greedily from random (key, value) picks, keeping each pick the engine accepts. */
export function overridesArbitrary(preset: PresetId): fc.Arbitrary<RegimeOverrides> {
  return fc.array(fc.tuple(fc.constantFrom(...GUARDRAIL_KEYS), fc.nat()), { maxLength: 8 }).map((picks) => {
    let overrides: Record<string, unknown> = {};
    for (const [key, n] of picks) {
      const options = CANDIDATES[key];
      const next = { ...overrides, [key]: structuredClone(options[n % options.length]) };
      try {
        customRegime(preset, next as RegimeOverrides);
        overrides = next;
      } catch {
        // Not usable with the other picks: skip it.
      }
    }
    return overrides as RegimeOverrides;
  });
}

const ruleSet = fc
  .constantFrom(...PRESET_IDS)
  .chain((preset) => overridesArbitrary(preset).map((overrides) => ({ preset, overrides })));

const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));

export const sharedStateArbitrary: fc.Arbitrary<SharedState> = fc
  .record({
    scenario: fc.constantFrom(...SCENARIOS),
    dayShare: fc.option(fraction, { nil: undefined }),
    ruleSets: fc.tuple(ruleSet, ruleSet),
    traders: fc.integer({ min: MIN_TRADERS, max: MAX_TRADERS }),
    retailShare: fraction,
    leakage: fraction,
    refusedChoice: fc.constantFrom('spot' as const, 'stay-out' as const),
    seed: fc.maxSafeNat(),
    affiliatedMarketMaker: fc.boolean(),
    follow: fc.uniqueArray(fc.nat(), { maxLength: MAX_FOLLOWED }),
    followPick: fc.nat(),
    frame: fc.integer({ min: 0, max: MAX_FRAME }),
    speed: fc.constantFrom(...LINK_SPEEDS),
    lang: fc.constantFrom(...locales),
    view: fc.constantFrom('app' as const, 'embed' as const),
    lesson: fc.option(fc.stringMatching(/^[a-z0-9]{1,10}(?:-[a-z0-9]{1,10}){0,3}$/), { nil: undefined }),
    market: fc.constantFrom('BTC' as const, 'ETH' as const, 'ALT' as const),
  })
  .map((r) => {
    const follow = [...new Set(r.follow.map((id) => id % r.traders))];
    const chosen = [0, 1, 2, ...follow].filter((id) => id < r.traders);
    const state: SharedState = {
      scenario: r.scenario.id,
      ruleSets: r.ruleSets,
      population: {
        traders: r.traders,
        retailShare: r.retailShare,
        leakage: r.leakage,
        refusedChoice: r.refusedChoice,
      },
      seed: r.seed,
      affiliatedMarketMaker: r.affiliatedMarketMaker,
      follow,
      followedTrader: chosen[r.followPick % chosen.length]!,
      frame: r.frame,
      speed: r.speed,
      lang: r.lang,
      view: r.view,
    };
    if (r.scenario.kind === 'synthetic' && r.dayShare !== undefined)
      state.days = r.scenario.minDays + r.dayShare * (r.scenario.maxDays - r.scenario.minDays);
    if (r.lesson !== undefined) state.lesson = r.lesson;
    if (r.market !== 'BTC') state.market = r.market;
    return state;
  });
