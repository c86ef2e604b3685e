/**
 * The rules a run uses (rules-catalogue.ts) are the regimes users see (catalogue.ts) without their provenance:
 * the same numbers, titles and descriptions, the same custom rules and the same refusals.
 */
import { describe, expect, it } from 'vitest';
import { customRegime, REGIMES } from './catalogue.ts';
import { customRules, presetRules, PRESET_RULES } from './rules-catalogue.ts';
import { GUARDRAIL_KEYS, type RegimeOverrides } from './guardrail-keys.ts';
import { PRESET_IDS, type PresetId, type Regime } from './types.ts';
import { resolveRegime } from '../run/config.ts';

function withoutProvenance({ provenance: _provenance, ...rules }: Regime) {
  return rules;
}

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

describe.each(PRESET_IDS)('preset %s', (id) => {
  it('has the rules of the regime users see, and no provenance', () => {
    expect(presetRules(id)).toBe(PRESET_RULES[id]);
    expect(Object.hasOwn(PRESET_RULES[id], 'provenance')).toBe(false);
    expect(PRESET_RULES[id]).toEqual(withoutProvenance(REGIMES[id]));
    // One copy of the numbers: the regime shares its rule objects.
    expect(REGIMES[id].perp).toBe(PRESET_RULES[id].perp);
  });

  it('is deeply frozen, as is the regime with its provenance', () => {
    expect(isDeeplyFrozen(PRESET_RULES[id])).toBe(true);
    expect(isDeeplyFrozen(REGIMES[id])).toBe(true);
  });

  it('gives a run its rules alone, custom or not, equal to the regime users see', () => {
    expect(resolveRegime({ regime: id })).toBe(PRESET_RULES[id]);
    const overrides: RegimeOverrides = { 'perp.maxLeverage': 2, 'spot.takerFeeRate': 0.002 };
    const rules = resolveRegime({ regime: id, overrides });
    expect(Object.hasOwn(rules, 'provenance')).toBe(false);
    expect(rules).toEqual(withoutProvenance(customRegime(id, overrides)));
  });
});

describe('customRules', () => {
  it('names the same changes as customRegime when derived from an earlier custom regime', () => {
    const first = customRegime('offshore-cex', { 'perp.maxLeverage': 50 });
    const second = customRegime(first, { 'perp.funding.intervalHours': 1 });
    const changedBefore = GUARDRAIL_KEYS.filter((key) => first.provenance[key].note === 'set by the user');
    const rules = customRules(withoutProvenance(first), { 'perp.funding.intervalHours': 1 }, changedBefore);
    expect(rules).toEqual(withoutProvenance(second));
    expect(rules.description).toMatch(/Changed here: perp\.maxLeverage, perp\.funding\.intervalHours\.$/);
  });

  it.each<[string, PresetId, RegimeOverrides]>([
    ['a haircut above 1', 'hk-sfc-2026', { 'financing.collateral.BTC': { eligible: true, haircut: 1.2 } }],
    ['leverage that opens below maintenance', 'hk-sfc-2026', { 'perp.maxLeverage': 20 }],
    ['a parameter that is not a guardrail', 'us-cftc', { 'perp.leverage': 5 } as unknown as RegimeOverrides],
    ['a base that is not a preset', 'custom' as PresetId, {}],
  ])('refuses %s in the words customRegime uses', (_name, base, overrides) => {
    const refusal = (build: () => unknown) => {
      try {
        build();
      } catch (error) {
        return error;
      }
      throw new Error('not refused');
    };
    const fromRegime = refusal(() => customRegime(base, overrides));
    const fromRules = refusal(() => customRules(base, overrides));
    expect(fromRules).toEqual(fromRegime);
    expect((fromRules as Error).message).toBe((fromRegime as Error).message);
  });
});
