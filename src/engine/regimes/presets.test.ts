import { describe, expect, it } from 'vitest';
import { validateFinancingRules } from '../margin/financing-rules.ts';
import { lendingValue } from '../margin/collateral.ts';
import { createExchange } from '../perp/exchange.ts';
import { listedMarkets, validatePerpRules } from '../perp/rules.ts';
import { effectiveMaxLeverage } from './extras.ts';
import { GUARDRAIL_KEYS } from './guardrail-keys.ts';
import { guardrailValue } from './guardrail-path.ts';
import { REGIMES } from './catalogue.ts';
import { PRESET_IDS, type Regime } from './types.ts';
import { validateRegime } from './validate-regime.ts';

const presets = PRESET_IDS.map((id) => [id, REGIMES[id]] as const);

/** Number of sentence ends: a . ! or ? followed by a space or the end (decimals like 0.4% do not count). */
function sentences(text: string): number {
  return (text.match(/[.!?](?=\s|$)/g) ?? []).length;
}

/** Dotted paths of every leaf parameter (arrays, records of numbers and null count as leaves). */
function leafPaths(node: unknown, prefix: string): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [prefix];
  const entries = Object.entries(node);
  if (entries.length === 0) return [prefix];
  return entries.flatMap(([key, child]) => leafPaths(child, `${prefix}.${key}`));
}

function parameterPaths(regime: Regime): string[] {
  const { perp, financing, spot, marketMaker, extras } = regime;
  return [
    ...leafPaths(perp, 'perp'),
    ...leafPaths(financing, 'financing'),
    ...leafPaths(spot, 'spot'),
    ...leafPaths(marketMaker, 'marketMaker'),
    'retailLeverageAppetite',
    ...leafPaths(extras, 'extras'),
  ];
}

describe.each(presets)('preset %s', (id, regime) => {
  it('has its own id and a two-sentence description', () => {
    expect(regime.id).toBe(id);
    expect(regime.title.length).toBeGreaterThan(0);
    expect(regime.shortTitle.length).toBeGreaterThan(0);
    expect(sentences(regime.description)).toBe(2);
  });

  it('passes the engine validators and the regime checks', () => {
    expect(() => validatePerpRules(regime.perp)).not.toThrow();
    expect(() => validateFinancingRules(regime.financing)).not.toThrow();
    expect(() => validateRegime(regime)).not.toThrow();
  });

  it('opens a perpetual venue in the engine, frozen as it is', () => {
    const venue = createExchange(regime.perp, { BTC: 68_000, ETH: 2_000, ALT: 100 });
    expect(venue.markets.BTC.insuranceFund).toBe(regime.perp.insuranceFundStart);
  });

  it('has a provenance entry for every guardrail key and no other', () => {
    expect(Object.keys(regime.provenance).sort()).toEqual([...GUARDRAIL_KEYS].sort());
  });

  it('names every parameter it holds by some guardrail key', () => {
    const uncovered = parameterPaths(regime).filter(
      (path) => !GUARDRAIL_KEYS.some((key) => path === key || path.startsWith(`${key}.`)),
    );
    expect(uncovered).toEqual([]);
    for (const key of GUARDRAIL_KEYS) expect(() => guardrailValue(regime, key)).not.toThrow();
  });

  it('gives each provenance a one-sentence note, and sources and confidence where it is not an assumption', () => {
    for (const key of GUARDRAIL_KEYS) {
      const p = regime.provenance[key];
      expect(sentences(p.note), `${id} ${key}: "${p.note}"`).toBe(1);
      if (p.kind !== 'assumption') {
        expect(p.sources.length, `${id} ${key} cites no source`).toBeGreaterThan(0);
        expect(p.confidence, `${id} ${key} has no confidence`).toBeDefined();
      }
    }
  });

  it('is frozen, so no run can change a shared preset', () => {
    expect(Object.isFrozen(regime)).toBe(true);
    expect(Object.isFrozen(regime.perp.funding)).toBe(true);
    expect(Object.isFrozen(regime.perp.tiers.BTC[0])).toBe(true);
  });
});

describe('the SFC preset against the others', () => {
  const sfc = REGIMES['hk-sfc-2026'];
  const offshore = REGIMES['offshore-cex'];

  it('lists perpetuals on BTC and ETH only (P3, W9), where the offshore and on-chain venues list ALT too', () => {
    expect(listedMarkets(sfc.perp)).toEqual(['BTC', 'ETH']);
    expect(listedMarkets(REGIMES['hk-sfc-2026-securities-only'].perp)).toEqual(['BTC', 'ETH']);
    expect(listedMarkets(offshore.perp)).toEqual(['BTC', 'ETH', 'ALT']);
    expect(listedMarkets(REGIMES['onchain-perp-dex'].perp)).toEqual(['BTC', 'ETH', 'ALT']);
    // High leverage on ALT where listed: Binance's altcoin table 50× (W30), Hyperliquid's SOL tier 20× (W39).
    expect(effectiveMaxLeverage(offshore, 'ALT')).toBe(50);
    expect(effectiveMaxLeverage(REGIMES['onchain-perp-dex'], 'ALT')).toBe(20);
  });

  it('keeps retail out of perpetual contracts (P1) but not out of margin loans (A3)', () => {
    expect(sfc.perp.eligibleClasses).toEqual(['professional']);
    expect(sfc.financing.eligibleClasses).toContain('retail');
  });

  it('caps leverage at or below the offshore preset, on every market', () => {
    expect(sfc.perp.maxLeverage).toBeLessThanOrEqual(offshore.perp.maxLeverage);
    for (const market of ['BTC', 'ETH'] as const)
      expect(effectiveMaxLeverage(sfc, market)).toBeLessThanOrEqual(effectiveMaxLeverage(offshore, market));
  });

  it('limits losses to the margin posted (P5)', () => {
    expect(sfc.perp.negativeBalanceProtection).toBe(true);
  });

  it('takes BTC and ETH at a haircut of at least 60% (A6) and no other crypto (A5), never re-used (A7)', () => {
    for (const asset of ['BTC', 'ETH'] as const) {
      expect(sfc.financing.collateral[asset].eligible).toBe(true);
      expect(sfc.financing.collateral[asset].haircut).toBeGreaterThanOrEqual(0.6);
    }
    expect(sfc.financing.collateral['other-crypto'].eligible).toBe(false);
    expect(sfc.financing.rehypothecationShare).toBe(0);
    expect(sfc.financing.maxLoansToCapital).toBe(5);
  });

  it('allows an affiliated market maker only with safeguards', () => {
    expect(sfc.marketMaker).toEqual({ affiliatedAllowed: true, safeguards: true });
    expect(offshore.marketMaker.safeguards).toBe(false);
  });
});

describe('the securities-only preset', () => {
  const futu = REGIMES['hk-sfc-2026-securities-only'];
  const holdings = [
    { asset: 'BTC' as const, qty: 1, price: 68_000 },
    { asset: 'ETH' as const, qty: 10, price: 2_000 },
  ];

  it('counts BTC and ETH at zero lending value', () => {
    expect(lendingValue(holdings, futu.financing.collateral)).toBe(0);
    expect(lendingValue(holdings, REGIMES['hk-sfc-2026'].financing.collateral)).toBeCloseTo(0.4 * 88_000, 6);
  });

  it('keeps the SFC perpetual rules and the securities haircut', () => {
    expect(futu.perp).toEqual(REGIMES['hk-sfc-2026'].perp);
    expect(futu.financing.collateral.securities).toEqual(
      REGIMES['hk-sfc-2026'].financing.collateral.securities,
    );
  });
});

describe('numbers that come from arithmetic', () => {
  it('ESMA close-out at 50% of 2:1 margin is 25% of notional', () => {
    expect(REGIMES['eu-esma-retail'].perp.tiers.BTC).toEqual([{ floor: 0, mmr: 0.25 }]);
  });

  it('Hyperliquid maintenance is half the initial margin at each tier cap (mechanics vector 12)', () => {
    const { tiers } = REGIMES['onchain-perp-dex'].perp;
    expect(tiers.BTC.map((t) => t.mmr)).toEqual([0.0125, 0.025]);
    expect(tiers.ETH[0]?.mmr).toBe(0.02);
    expect(tiers.ETH[1]?.mmr).toBeCloseTo(1 / 30, 12);
  });

  it('Binance 3× cross margin: call at LTV 1/1.3, liquidation at 1/1.1, haircut ⅓', () => {
    const { financing } = REGIMES['offshore-cex'];
    expect(financing.callLtv).toBeCloseTo(0.769231, 6);
    expect(financing.liquidationLtv).toBeCloseTo(0.909091, 6);
    expect(financing.collateral.BTC.haircut).toBeCloseTo(1 / 3, 12);
    expect(REGIMES['offshore-cex'].perp.funding.cap).toBeCloseTo(0.003, 12);
  });

  it('HK$8m is about US$1.03m at the peg', () => {
    expect(REGIMES['hk-sfc-2026'].extras.professionalPortfolioMinUsd).toBe(1_025_641);
  });
});
