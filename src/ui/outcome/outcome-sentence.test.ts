import { describe, expect, it } from 'vitest';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { ruleSetName } from './rule-set-name.ts';
import { outcomeSentence, outcomeStory, type RuleSetFacts } from './outcome-sentence.ts';

type Changes = {
  liquidated?: number;
  refusedPerp?: number;
  lossesBeyondDeposits?: number;
  retailPnl?: number;
  marketMakerGain?: number;
  adl?: number;
  fundStart?: number;
  fundDrawdown?: number;
};

function summary(changes: Changes = {}): RunSummary {
  const outcome = { traders: 0, deposits: 0, liquidated: 0, pnl: 0, loss: 0 };
  return {
    scenario: '2025-10-tariff-crash',
    regime: 'hk-sfc-2026',
    seed: 1,
    traders: 200,
    steps: 1440,
    liquidations: {
      count: 0,
      notional: 0,
      traders: changes.liquidated ?? 0,
      longNotional: 0,
      shortNotional: 0,
    },
    adl: { count: changes.adl ?? 0, notional: 0 },
    insuranceFund: {
      start: changes.fundStart ?? 1e6,
      min: (changes.fundStart ?? 1e6) - (changes.fundDrawdown ?? 0),
      end: (changes.fundStart ?? 1e6) - (changes.fundDrawdown ?? 0),
      drawn: changes.fundDrawdown ?? 0,
      drawdown: changes.fundDrawdown ?? 0,
    },
    lossesBeyondDeposits: changes.lossesBeyondDeposits ?? 0,
    brokerShortfall: 0,
    byClass: {
      retail: { ...outcome, pnl: changes.retailPnl ?? 0, loss: Math.max(0, -(changes.retailPnl ?? 0)) },
      professional: { ...outcome },
    },
    maxPriceDislocation: 0,
    conservationError: 0,
    checksum: '0',
    refusedProducts: { perp: changes.refusedPerp ?? 0, margin: 0 },
    venueFailure: { minute: null, clientLoss: 0 },
    marketMakerGain: changes.marketMakerGain ?? 0,
    offshore: null,
    personas: {} as RunSummary['personas'],
    events: 0,
  } as RunSummary;
}

function facts(
  letter: 'A' | 'B',
  name: string,
  changes: Changes,
  rules: Partial<RuleSetFacts> = {},
): RuleSetFacts {
  return {
    letter,
    name,
    summary: summary(changes),
    maxLeverage: 10,
    negativeBalanceProtection: true,
    ...rules,
  };
}

const en = new I18n('en');

describe('the outcome sentence', () => {
  it('says who liquidated fewer traders and that retail investors were kept out of perpetuals', () => {
    const a = facts('A', 'HK SFC 2026', { liquidated: 0, refusedPerp: 95 });
    const b = facts('B', 'Offshore CEX', { liquidated: 42 }, { maxLeverage: 125 });
    expect(outcomeSentence(en, a, b)).toBe(
      'Rule set A (HK SFC 2026) liquidated none of the 200 traders, against 42 under rule set B (Offshore CEX), ' +
        'mainly because it kept retail investors out of perpetual contracts (95 refused). The other numbers ' +
        'differ little.',
    );
  });

  it('points at the lower leverage cap when nobody was refused, whichever side is better', () => {
    const a = facts('A', 'Offshore CEX', { liquidated: 42 }, { maxLeverage: 125 });
    const b = facts('B', 'EU ESMA retail', { liquidated: 7 }, { maxLeverage: 2 });
    expect(outcomeSentence(en, a, b)).toBe(
      'Rule set B (EU ESMA retail) liquidated 7 of 200 traders, against 42 under rule set A (Offshore CEX), ' +
        'mainly because its leverage cap is 2× against 125×. The other numbers differ little.',
    );
  });

  it('changes when the numbers change', () => {
    const b = facts('B', 'Offshore CEX', { liquidated: 42 }, { maxLeverage: 125 });
    const before = outcomeSentence(en, facts('A', 'Custom', { liquidated: 10 }, { maxLeverage: 125 }), b);
    const after = outcomeSentence(en, facts('A', 'Custom', { liquidated: 50 }, { maxLeverage: 125 }), b);
    expect(before).toContain('Rule set A (Custom) liquidated 10 of 200 traders, against 42');
    expect(before).toContain('the difference comes from its other rules');
    expect(after).toContain('Rule set B (Offshore CEX) liquidated 42 of 200 traders, against 50');
    expect(after).not.toBe(before);
  });

  it('names an affiliated market maker’s gain when that is the visible difference', () => {
    const a = facts('A', 'HK SFC 2026', { liquidated: 3 });
    const b = facts('B', 'Offshore CEX', { liquidated: 5, marketMakerGain: 12_345 });
    expect(outcomeStory(a, b, { usd: String, count: String, percent: String }).reason).toEqual({
      key: 'outcome.reason.marketMaker',
      params: { gain: '12345', worse: 'B' },
    });
  });

  // Issue 17: 41 against 42 was put down to a 10× cap, beside ADL 0 against 20 and a fund drawdown of
  // $160,122 against $7,822 that the sentence did not mention.
  it('reads no cause into counts about the same, and names the largest differences the table shows', () => {
    const a = facts('A', 'Offshore CEX, 10×', { liquidated: 41, fundDrawdown: 7_822 }, { maxLeverage: 10 });
    const b = facts(
      'B',
      'Offshore CEX',
      { liquidated: 42, adl: 20, fundDrawdown: 160_122 },
      { maxLeverage: 125 },
    );
    expect(outcomeSentence(en, a, b)).toBe(
      'Rule sets A and B liquidated about as many traders: 41 and 42 of 200. The largest other differences: ' +
        'auto-deleveraging 0 times under A and 20 times under B; the insurance fund drew down $7,822 under A ' +
        'and $160,122 under B.',
    );
  });

  it('gives a cause for a difference only where the rules differ in it', () => {
    const a = facts('A', 'Big fund', { adl: 0, fundStart: 1e8, fundDrawdown: 50_000 });
    const b = facts('B', 'Small fund', { adl: 12, fundStart: 1e6, fundDrawdown: 1e6 });
    expect(outcomeSentence(en, a, b)).toBe(
      'Neither rule set liquidated any of the 200 traders. The largest other differences: auto-deleveraging ' +
        '0 times under A and 12 times under B (the funds start at $100,000,000 and $1,000,000); the insurance ' +
        'fund drew down $50,000 under A and $1,000,000 under B.',
    );
  });

  it('with as many liquidations, turns to losses beyond deposits and negative-balance protection', () => {
    const a = facts('A', 'HK SFC 2026', { liquidated: 4 });
    const b = facts(
      'B',
      'Japan FSA retail',
      { liquidated: 4, lossesBeyondDeposits: 5_000 },
      { negativeBalanceProtection: false },
    );
    expect(outcomeSentence(en, a, b)).toBe(
      'Both rule sets liquidated 4 of the 200 traders. The largest other difference: losses beyond deposits ' +
        'of $0 under A and $5,000 under B (rule set B has no negative-balance protection).',
    );
    // Both without protection: the rules do not differ there, so no cause.
    expect(outcomeSentence(en, { ...a, negativeBalanceProtection: false }, b)).not.toContain('protection');
  });

  it('with no liquidations at all, compares retail losses, or says the rest differs little', () => {
    const a = facts('A', 'HK SFC 2026', { retailPnl: -1_000 });
    const b = facts('B', 'Offshore CEX', { retailPnl: -9_000 });
    expect(outcomeSentence(en, a, b)).toBe(
      'Neither rule set liquidated any of the 200 traders. The largest other difference: retail investors ' +
        'lost $1,000 under A and $9,000 under B.',
    );
    expect(outcomeSentence(en, facts('A', 'x', {}), facts('B', 'y', { retailPnl: 0.5 }))).toBe(
      'Neither rule set liquidated any of the 200 traders. The other numbers differ little.',
    );
  });

  it('tells apart two columns built from the same preset by what was changed', () => {
    const a = ruleSetName(en, 'offshore-cex', { 'perp.maxLeverage': 10 });
    const b = ruleSetName(en, 'offshore-cex', { 'perp.funding.intervalHours': 1 });
    expect(a).toBe('Offshore CEX, leverage cap 10×');
    expect(b).toBe('Offshore CEX, Funding interval every 1 h');
    expect(ruleSetName(en, 'offshore-cex', {})).toBe('Offshore CEX');
    expect(ruleSetName(en, 'offshore-cex', { 'perp.maxLeverage': 10, 'perp.funding.intervalHours': 1 })).toBe(
      'Offshore CEX, 2 rules changed',
    );
  });

  it('is translated through the catalogue', () => {
    const a = facts('A', '香港證監會 2026', { liquidated: 0, refusedPerp: 95 });
    const b = facts('B', '離岸交易所', { liquidated: 42 }, { maxLeverage: 125 });
    expect(outcomeSentence(new I18n('zh-Hant-HK'), a, b)).toBe(
      '規則組合 A（香港證監會 2026）在 200 名交易者中沒有強制平倉任何人，規則組合 B（離岸交易所）則有 42 人，' +
        '主要因為它不讓散戶投資者買賣永續合約（95 人被拒）。其他數字相差不大。',
    );
  });
});
