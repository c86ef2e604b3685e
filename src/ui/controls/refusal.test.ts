import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { refusalText } from './refusal.ts';
import { DEFAULT_POPULATION, validatePopulation } from '../../engine/population/settings.ts';
import { customRegime, REGIMES } from '../../engine/regimes/index.ts';
import { withMaintenanceRate } from '../../engine/guardrail-catalogue/maintenance-rate.ts';
import type { RegimeOverrides } from '../../engine/regimes/index.ts';
import { Refusal, between } from '../../engine/validation/index.ts';

const zh = new I18n('zh-Hant-HK');
const en = new I18n('en');

/** What the engine throws for `act`. */
function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

const regimeRefusal = (overrides: RegimeOverrides) => thrown(() => customRegime('hk-sfc-2026', overrides));

describe('refusalText in Traditional Chinese, from the structured refusal', () => {
  it('writes each kind of rule with its own catalogue message and the control’s label', () => {
    const traders = thrown(() => validatePopulation({ ...DEFAULT_POPULATION, traders: 2 }));
    expect(refusalText(zh, traders, '交易者人數')).toBe(
      '交易者人數必須是 3 至 1000000 之間的整數（輸入了 2）',
    );

    const share = thrown(() => validatePopulation({ ...DEFAULT_POPULATION, retailShare: 1.2 }));
    expect(refusalText(zh, share, '零售投資者（%）')).toBe(
      '零售投資者（%）必須介乎 0% 至 100%（輸入了 120%）',
    );

    const haircut = regimeRefusal({ 'financing.collateral.BTC': { eligible: true, haircut: 2 } });
    expect(refusalText(zh, haircut, '以 BTC 作抵押')).toBe('以 BTC 作抵押必須介乎 0 至 1（輸入了 2）');

    const leverage = regimeRefusal({ 'perp.maxLeverage': 0 });
    expect(refusalText(zh, leverage, '最高槓桿')).toBe('最高槓桿必須不少於 1（輸入了 0）');
  });

  it('translates units, "or none", lists and the rules the engine states in words', () => {
    const cure = regimeRefusal({ 'financing.curePeriodMinutes': -1 });
    expect(refusalText(zh, cure, '補倉期')).toBe('補倉期必須不少於 0 分鐘（輸入了 -1）');

    const backstop = regimeRefusal({ 'extras.backstopEquityShareOfMaintenance': 2 });
    expect(refusalText(zh, backstop, '接管門檻')).toBe(
      '接管門檻必須大於 0 而不超過 1，或留空表示不設（輸入了 2）',
    );

    const spread = regimeRefusal({
      'extras.marketMakerSpreadBps': { withoutAffiliated: 20_000, withAffiliated: 5 },
    });
    expect(refusalText(zh, spread, '報價差')).toBe('報價差必須介乎 0 至 10000 基點（輸入了 20000）');

    const interval = regimeRefusal({ 'perp.funding.intervalHours': 3 });
    expect(refusalText(zh, interval, '資金費結算間隔')).toBe(
      '資金費結算間隔必須是以下其中之一：1, 2, 4, 8 小時（輸入了 3）',
    );

    const modes = regimeRefusal({ 'perp.marginModes': [] });
    expect(refusalText(zh, modes, '保證金模式')).toBe(
      '保證金模式必須是最少 1 項的清單，每項是以下其中之一：isolated, cross，且不得重複（輸入了 []）',
    );

    const cap = regimeRefusal({ 'perp.maxLeverage': 20 });
    expect(refusalText(zh, cap, '最高槓桿')).toBe(
      '最高槓桿必須低於 20（1 ÷ 第一級維持保證金率）（輸入了 20）',
    );

    // The maintenance rate a sweep moves (maintenance-rate.ts): its two ceilings, at the percent scale.
    const hk = (overrides: RegimeOverrides, value: number) =>
      thrown(() => withMaintenanceRate(REGIMES['hk-sfc-2026'], overrides, 'BTC', value));
    expect(refusalText(zh, hk({}, 0.12), 'BTC 維持保證金率')).toBe(
      'BTC 維持保證金率必須低於 10%（1 ÷ 槓桿上限：以上限開倉後，權益必須高於維持保證金）（輸入了 12%）',
    );
    const tiers = [
      { floor: 0, mmr: 0.01 },
      { floor: 1_000_000, mmr: 0.2 },
    ];
    expect(refusalText(zh, hk({ 'perp.tiers.BTC': tiers }, 0.06), 'BTC 維持保證金率')).toBe(
      'BTC 維持保證金率必須低於 5%（在此比率下，按比例調整的最高一級會達到 100%）（輸入了 6%）',
    );

    const ltv = regimeRefusal({ 'financing.callLtv': 0.7 });
    expect(refusalText(zh, ltv, '追收保證金')).toBe(
      '追收保證金必須符合次序：強制出售後 ≤ 追收保證金 < 強制出售（輸入了 [0.4,0.7,0.6]）',
    );
  });

  it('writes percent and basis-point rules at their scale, and shows what was typed for a number it could not read', () => {
    const bp = new Refusal('spread', 0.0002, between(0, 0.0001, { scale: 'bp' }).allowed);
    expect(refusalText(zh, bp, '差價')).toBe('差價必須介乎 0 基點 至 1 基點（輸入了 2 基點）');
    const nan = thrown(() => validatePopulation({ ...DEFAULT_POPULATION, leakage: NaN }));
    expect(refusalText(zh, nan, '外流比例（%）', ' abc ')).toBe(
      '外流比例（%）必須介乎 0% 至 100%（輸入了 abc）',
    );
  });

  it('frames what it has no words for: an English-only rule, or an error that is not a refusal', () => {
    const words = new Refusal('anchor time', 'x', { kind: 'words', text: 'an ISO timestamp in UTC' });
    expect(refusalText(zh, words, '時間')).toBe(
      '時間：此數值不獲接受（Anchor time must be an ISO timestamp in UTC (got "x")）',
    );
    expect(refusalText(zh, new TypeError('boom'), '時間')).toBe('時間：此數值不獲接受（Boom）');
    expect(refusalText(zh, 'odd', '時間')).toBe('時間：此數值不獲接受（Odd）');
  });

  it('never leaves English rule words in a refusal of a population setting', () => {
    const field = fc.constantFrom('traders', 'retailShare', 'leakage') as fc.Arbitrary<
      'traders' | 'retailShare' | 'leakage'
    >;
    const value = fc.oneof(fc.double(), fc.integer({ min: -10, max: 2_000_000 }), fc.string());
    fc.assert(
      fc.property(field, value, (name, v) => {
        let error: unknown = null;
        try {
          validatePopulation({ ...DEFAULT_POPULATION, [name]: v });
        } catch (e) {
          error = e;
        }
        if (error === null) return;
        const text = refusalText(zh, error, '欄位');
        expect(text).toMatch(/^欄位必須.+（輸入了 .+）$/);
        expect(text).not.toMatch(/must|between|number/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('refusalText in English', () => {
  it('names the engine’s field and writes the rule from the catalogue', () => {
    const haircut = regimeRefusal({ 'financing.collateral.BTC': { eligible: true, haircut: 1.2 } });
    expect(refusalText(en, haircut, 'BTC as collateral')).toBe(
      'BTC haircut must be between 0 and 1 (got 1.2)',
    );
    const share = thrown(() => validatePopulation({ ...DEFAULT_POPULATION, retailShare: 1.2 }));
    expect(refusalText(en, share, 'Retail investors (%)')).toBe(
      'Retail share must be between 0% and 100% (got 120%)',
    );
    const cool = regimeRefusal({ 'extras.partialLiquidationCooldownSeconds': -1 });
    expect(refusalText(en, cool, 'Cool-down')).toBe(
      'Partial-liquidation cool-down must be ≥ 0 s, or empty for none (got -1)',
    );
    const rate = thrown(() => withMaintenanceRate(REGIMES['hk-sfc-2026'], {}, 'ETH', 0.1));
    expect(refusalText(en, rate, 'ETH maintenance rate')).toBe(
      'ETH maintenance rate must be below 10% (1 ÷ the leverage cap: opening at the cap must leave equity above maintenance) (got 10%)',
    );
    expect(refusalText(en, new RangeError('something odd (got NaN)'), 'Field', 'abc')).toBe(
      'Something odd (got abc)',
    );
  });
});
