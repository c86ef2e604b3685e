import { describe, expect, it } from 'vitest';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';
import { explainEvent, kindOf, traderOf } from './explain-event.ts';

const en = new I18n('en');

const liquidation: RunEvent = {
  type: 'liquidation',
  venue: 'offshore',
  trader: 12,
  step: 555,
  account: 13,
  market: 'BTC',
  side: 'long',
  mode: 'isolated',
  qty: 0.5,
  markPrice: 104_250.5,
  fillPrice: 104_100,
  bankruptcyPrice: 103_900,
  equityBefore: 180.25,
  maintenanceMargin: 208.5,
  fee: 2.6,
  partial: false,
  sizeAfter: 0,
  settlement: 'insurance-fund',
};

describe('explaining events', () => {
  it('explains a liquidation with its numbers, the trader and the rule set', () => {
    expect(explainEvent(liquidation, 'B', en)).toBe(
      "Rule set B: trader #12's long position of 0.5 BTC was liquidated when the mark price reached $104,250.50: " +
        'its equity of $180.25 had fallen below the maintenance margin of $208.50. ' +
        'The insurance fund paid the loss beyond the bankruptcy price of $103,900.00.',
    );
    const partial = { ...liquidation, partial: true, qty: 0.1, settlement: 'within-margin' } as RunEvent;
    expect(explainEvent(partial, 'A', en)).toMatch(/^Rule set A: 0\.1 BTC of trader #12's long position/);
    expect(explainEvent(partial, 'A', en)).toMatch(/The loss stayed within the margin posted\.$/);
  });

  it('explains margin calls, forced sales and shortfalls at the broker', () => {
    const call: RunEvent = {
      type: 'margin-call',
      venue: 'broker',
      trader: 7,
      step: 600,
      client: 3,
      ltv: 0.4512,
      callLtv: 0.4,
      debt: 40_000,
      collateralValue: 88_652,
      lendingValue: 35_000,
      triggers: ['ltv-above-call'],
      deadlineStep: 600 + 1440,
    };
    expect(explainEvent(call, 'A', en)).toBe(
      'Rule set A: margin call for trader #7: the loan-to-value ratio reached 45.12%, above the 40% limit ' +
        '(debt $40,000.00, collateral worth $88,652.00); 24 h to top up or sell.',
    );
    expect(explainEvent({ ...call, ltv: null } as RunEvent, 'A', en)).toContain('with no collateral left');
    const overLendingValue = { ...call, ltv: 0.35, triggers: ['loan-exceeds-lending-value'] } as RunEvent;
    expect(explainEvent(overLendingValue, 'A', en)).toBe(
      'Rule set A: margin call for trader #7: the debt of $40,000.00 is more than the broker lends against the ' +
        'collateral ($35,000.00 after haircuts, worth $88,652.00); 24 h to top up or sell.',
    );
    const sale: RunEvent = {
      type: 'forced-sale',
      venue: 'broker',
      trader: 7,
      step: 700,
      client: 3,
      asset: 'BTC',
      qty: 0.25,
      price: 98_000,
      proceeds: 24_500,
      fee: 24.5,
      reason: 'liquidation-ltv',
      ltvBefore: 0.62,
      ltvAfter: 0.4,
      debtAfter: 15_500,
    };
    expect(explainEvent(sale, 'A', en)).toBe(
      "Rule set A: the broker sold 0.25 BTC of trader #7's collateral at $98,000.00 ($24,500.00) because the " +
        'loan-to-value ratio reached the forced-sale level; debt left $15,500.00.',
    );
    const shortfall: RunEvent = {
      type: 'shortfall',
      venue: 'broker',
      trader: 7,
      step: 701,
      client: 3,
      amount: 1234.5,
    };
    expect(explainEvent(shortfall, 'B', en)).toBe(
      "Rule set B: after all of trader #7's collateral was sold, $1,234.50 of debt is still owed to the broker.",
    );
  });

  it('explains ADL, fund draws, bad debt, socialised losses and refusals', () => {
    const adl: RunEvent = {
      type: 'adl',
      venue: 'onshore',
      trader: 4,
      bankruptTrader: 12,
      step: 556,
      market: 'ETH',
      bankruptAccount: 13,
      account: 5,
      side: 'short',
      qty: 2,
      price: 3_100,
      score: 1.2,
      rank: 0,
      realisedPnl: 400,
    };
    expect(explainEvent(adl, 'A', en)).toBe(
      "Rule set A: auto-deleveraging closed 2 ETH of trader #4's profitable short position at $3,100.00 to cover " +
        "trader #12's bankrupt position (place 1 in the queue).",
    );
    const draw: RunEvent = {
      type: 'insurance-draw',
      venue: 'offshore',
      trader: 12,
      step: 555,
      market: 'BTC',
      account: 13,
      amount: 50,
      fundAfter: 999_950,
    };
    expect(explainEvent(draw, 'B', en)).toBe(
      "Rule set B: the BTC insurance fund paid $50.00 to cover trader #12's liquidation; $999,950.00 left.",
    );
    const badDebt: RunEvent = {
      type: 'bad-debt',
      venue: 'onshore',
      trader: 9,
      step: 1,
      market: 'BTC',
      account: 10,
      amount: 75,
    };
    expect(explainEvent(badDebt, 'A', en)).toContain('trader #9 is left owing $75.00');
    const socialised: RunEvent = {
      type: 'socialised-loss',
      venue: 'onshore',
      trader: 9,
      step: 1,
      market: 'BTC',
      account: 10,
      amount: 1_000,
      perCoin: 2.5,
      borneByVenue: 0,
    };
    expect(explainEvent(socialised, 'A', en)).toContain('($2.50 per coin)');
    const refused: RunEvent = {
      type: 'product-refused',
      venue: 'population',
      step: 0,
      trader: 3,
      product: 'perp',
      reason: 'investor-class-excluded',
      substitute: 'spot',
    };
    expect(explainEvent(refused, 'A', en)).toBe(
      'Rule set A: trader #3 may not use perpetual contracts (investor class not eligible) and buys spot instead.',
    );
  });

  it('sorts events into the feed’s kinds and leaves routine ones out', () => {
    expect(kindOf(liquidation)).toBe('liquidation');
    expect(kindOf({ type: 'shortfall', venue: 'broker', trader: 1, step: 0, client: 0, amount: 1 })).toBe(
      'losses',
    );
    const funding: RunEvent = {
      type: 'funding',
      venue: 'onshore',
      trader: null,
      step: 480,
      market: 'BTC',
      rate: 0.0001,
      price: 1,
      paidByLongs: 1,
    };
    expect(kindOf(funding)).toBeNull();
    expect(explainEvent(funding, 'A', en)).toBeNull();
    expect(traderOf(liquidation)).toBe(12);
    expect(traderOf({ ...liquidation, trader: null } as RunEvent)).toBeNull();
  });

  it('speaks Traditional Chinese, with Hong Kong dollar signs for US dollars', () => {
    expect(explainEvent(liquidation, 'B', new I18n('zh-Hant-HK'))).toBe(
      '規則組合 B：交易者 #12的 0.5 BTC 多倉在標記價格到達 US$104,250.50 時被強制平倉：其權益 US$180.25 已跌穿維持保證金 US$208.50。' +
        '保險基金支付了低於破產價格 US$103,900.00 的損失。',
    );
  });
});
