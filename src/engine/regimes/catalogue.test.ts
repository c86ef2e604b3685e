import { describe, expect, it } from 'vitest';
import { customRegime, isPresetId, isRegimeId, regime, regimeList, REGIMES } from './catalogue.ts';
import { GUARDRAIL_KEYS, type RegimeOverrides } from './guardrail-keys.ts';
import { PRESET_IDS, type PresetId } from './types.ts';
import { Refusal } from '../validation/index.ts';

describe('catalogue', () => {
  it('lists every preset once, in display order, with its title', () => {
    expect(regimeList()).toEqual(PRESET_IDS.map((id) => ({ id, title: REGIMES[id].title })));
    expect(regimeList()).toHaveLength(7);
    expect(new Set(regimeList().map((r) => r.title)).size).toBe(7);
  });

  it('finds a preset by id and refuses an unknown one with the list of presets', () => {
    expect(regime('offshore-cex').perp.maxLeverage).toBe(125);
    expect(() => regime('binance' as PresetId)).toThrow(
      /regime must be one of hk-sfc-2026, .* \(got "binance"\)/,
    );
  });

  it('tells regime ids from other strings', () => {
    expect(isRegimeId('custom')).toBe(true);
    expect(isRegimeId('us-cftc')).toBe(true);
    expect(isRegimeId('US-CFTC')).toBe(false);
    expect(isRegimeId(3)).toBe(false);
    expect(isPresetId('custom')).toBe(false);
  });
});

describe('customRegime', () => {
  it('derives from a preset, marking only the overridden parameters as set by the user', () => {
    const custom = customRegime('hk-sfc-2026', {
      'perp.maxLeverage': 5,
      'financing.collateral.BTC': { eligible: true, haircut: 0.7 },
    });
    expect(custom.id).toBe('custom');
    expect(custom.basedOn).toBe('hk-sfc-2026');
    expect(custom.title).toBe('Custom (from Hong Kong SFC 2026 guardrails)');
    expect(custom.perp.maxLeverage).toBe(5);
    expect(custom.financing.collateral.BTC.haircut).toBe(0.7);
    expect(custom.financing.collateral.ETH.haircut).toBe(0.6);
    const user = { kind: 'assumption', sources: [], note: 'set by the user' };
    expect(custom.provenance['perp.maxLeverage']).toEqual(user);
    expect(custom.provenance['financing.collateral.BTC']).toEqual(user);
    const untouched = GUARDRAIL_KEYS.filter(
      (k) => k !== 'perp.maxLeverage' && k !== 'financing.collateral.BTC',
    );
    for (const key of untouched) expect(custom.provenance[key]).toBe(REGIMES['hk-sfc-2026'].provenance[key]);
    expect(custom.description).toMatch(/Changed here: perp\.maxLeverage, financing\.collateral\.BTC\.$/);
  });

  it('leaves the preset unchanged', () => {
    const before = JSON.stringify(REGIMES['offshore-cex']);
    customRegime('offshore-cex', { 'perp.funding.cap': null, 'perp.negativeBalanceProtection': false });
    expect(JSON.stringify(REGIMES['offshore-cex'])).toBe(before);
  });

  it('derives from an earlier custom regime and keeps its changes', () => {
    const first = customRegime('offshore-cex', { 'perp.maxLeverage': 50 });
    const second = customRegime(first, { 'perp.funding.intervalHours': 1 });
    expect(second.basedOn).toBe('offshore-cex');
    expect(second.perp.maxLeverage).toBe(50);
    expect(second.provenance['perp.maxLeverage'].note).toBe('set by the user');
    expect(second.provenance['perp.funding.intervalHours'].note).toBe('set by the user');
    expect(second.title).toBe('Custom (from Offshore exchange (Binance-style))');
  });

  it('refuses a haircut of 1.2 with a message naming it, the value and the range', () => {
    expect(() =>
      customRegime('hk-sfc-2026', { 'financing.collateral.BTC': { eligible: true, haircut: 1.2 } }),
    ).toThrow(new Refusal('BTC haircut', 1.2, { kind: 'between', min: 0, max: 1 }));
  });

  it.each<[string, RegimeOverrides, RegExp]>([
    [
      'a funding interval of 3 h',
      { 'perp.funding.intervalHours': 3 },
      /funding interval must be one of 1, 2, 4, 8 hours \(got 3\)/,
    ],
    ['leverage under 1', { 'perp.maxLeverage': 0.5 }, /maximum leverage must be a number ≥ 1 \(got 0\.5\)/],
    ['a call LTV above the forced-sale LTV', { 'financing.callLtv': 0.7 }, /target ≤ call < forced sale/],
    [
      'leverage that opens below maintenance',
      { 'perp.maxLeverage': 20 },
      /BTC maximum leverage must be below 20 \(1 ÷ the first-tier maintenance rate\) \(got 20\)/,
    ],
    [
      'an unordered tier table',
      {
        'perp.tiers.ETH': [
          { floor: 0, mmr: 0.05 },
          { floor: 0, mmr: 0.1 },
        ],
      },
      /ETH maintenance tiers, tier 2 floor must be a number greater than 0 \(got 0\)/,
    ],
    [
      'an unknown mark method',
      { 'perp.markMethod': 'oracle' as never },
      /mark method must be one of index-anchored, last-traded, median-of-three \(got "oracle"\)/,
    ],
    [
      'an unknown investor class',
      { 'perp.eligibleClasses': ['whale' as never] },
      /perpetual eligible investor classes must be a list of distinct entries, each retail or professional \(got \["whale"\]\)/,
    ],
    [
      'a zero appetite',
      { retailLeverageAppetite: 0 },
      /retail leverage appetite must be greater than 0 and at most 10 \(got 0\)/,
    ],
    [
      'a negative cool-down',
      { 'extras.partialLiquidationCooldownSeconds': -1 },
      /partial-liquidation cool-down must be a number ≥ 0 s or none \(got -1\)/,
    ],
  ])('refuses %s', (_name, overrides, message) => {
    expect(() => customRegime('hk-sfc-2026', overrides)).toThrow(message);
  });

  it('refuses a parameter that is not a guardrail, listing the allowed ones', () => {
    const overrides = { 'perp.leverage': 5 } as unknown as RegimeOverrides;
    expect(() => customRegime('us-cftc', overrides)).toThrow(
      /^regime parameter must be one of perp\.eligibleClasses, .* \(got "perp\.leverage"\)$/,
    );
  });

  it('refuses a base that is not a preset', () => {
    expect(() => customRegime('custom' as PresetId, {})).toThrow(/regime must be one of .* \(got "custom"\)/);
  });

  it('lets a custom regime open perpetuals to retail under the SFC financing rules', () => {
    const custom = customRegime('hk-sfc-2026', { 'perp.eligibleClasses': ['retail', 'professional'] });
    expect(custom.perp.eligibleClasses).toEqual(['retail', 'professional']);
    expect(custom.financing).toBe(REGIMES['hk-sfc-2026'].financing);
  });
});
