/**
 * The frontier in words: the summary sentence is read against the table it summarises (the value it names is a
 * row of the table, the rows from there on read zero), and the formats follow the guardrail's scale.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n/translate.ts';
import { catalogues, type MessageKey } from '../../lib/i18n/catalogues.ts';
import { SWEEP_PATHS } from '../../engine/guardrail-catalogue/sweep-ranges.ts';
import type { SweepPoint } from '../../engine/run/sweep.ts';
import { fieldOf, formatValue, summarySentence, sweepCsv, sweepTable, valueOf } from './sweep-text.ts';

const words = (locale: string) => ({
  t: (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params),
  locale,
});
const en = words('en');
const HAIRCUT = 'financing.collateral.BTC.haircut';

/** Points with the given medians of forced sales (percentiles around them). */
function points(values: number[], medians: number[]): SweepPoint[] {
  return values.map((value, k) => ({
    value,
    'broker.forcedSales': { median: medians[k]!, p10: 0, p90: medians[k]! * 2, runs: 30 },
  })) as unknown as SweepPoint[];
}

describe('the summary sentence', () => {
  it('names the value from which the median stays at zero, a row of the table', () => {
    const p = points([0, 0.3, 0.6, 0.9], [12, 3, 0, 0]);
    const sentence = summarySentence(en, HAIRCUT, 'broker.forcedSales', p);
    expect(sentence).toBe(
      'The median of forced sales of collateral falls to zero at a BTC collateral haircut of 60% and above.',
    );
    const table = sweepTable(en, HAIRCUT, 'broker.forcedSales', p, 30);
    const row = table.rows.findIndex((r) => sentence.includes(` ${r[0]} `));
    expect(row).toBe(2);
    for (const r of table.rows.slice(row)) expect(r[1]).toBe('0');
    expect(table.rows[row - 1]![1]).not.toBe('0');
  });

  it('does not call a dip to zero that rises again a fall to zero', () => {
    const sentence = summarySentence(en, HAIRCUT, 'broker.forcedSales', points([0, 0.45, 0.9], [5, 0, 2]));
    expect(sentence).toBe(
      'The median of forced sales of collateral goes from 5 at a BTC collateral haircut of 0% to 2 at 90%.',
    );
  });

  it('says where an outcome leaves zero, and when it never does anything', () => {
    const lev = 'perp.maxLeverage';
    expect(summarySentence(en, lev, 'broker.forcedSales', points([1, 10, 20], [0, 0, 4]))).toBe(
      'The median of forced sales of collateral is zero up to a maximum leverage on perpetuals of 10×, then rises to 4 at 20×.',
    );
    expect(summarySentence(en, lev, 'broker.forcedSales', points([1, 20], [0, 0]))).toBe(
      'The median of forced sales of collateral is zero at every maximum leverage on perpetuals from 1× to 20×.',
    );
    expect(summarySentence(en, lev, 'broker.forcedSales', [])).toBe('');
  });

  it('is written in Traditional Chinese too, with the same value', () => {
    const sentence = summarySentence(
      words('zh-Hant-HK'),
      HAIRCUT,
      'broker.forcedSales',
      points([0, 0.6], [3, 0]),
    );
    expect(sentence).toContain('60%');
    expect(sentence).toContain('BTC 抵押品扣減率');
  });
});

describe('values and files', () => {
  it('formats and types each scale in its own unit', () => {
    expect(formatValue(en, HAIRCUT, 0.55)).toBe('55%');
    expect(formatValue(en, 'financing.curePeriodMinutes', 1440)).toBe('24 h');
    expect(formatValue(en, 'perp.maxLeverage', 20)).toBe('20×');
    expect(fieldOf(HAIRCUT, 0.55)).toBe(55);
    expect(valueOf(HAIRCUT, 55)).toBe(0.55);
    expect(valueOf('financing.curePeriodMinutes', 72)).toBe(4320);
    expect(Number.isNaN(valueOf(HAIRCUT, Number.NaN))).toBe(true);
  });

  it('writes every outcome of every point to CSV, in the engine’s units', () => {
    const csv = sweepCsv(HAIRCUT, points([0, 0.5], [4, 0]))
      .trim()
      .split('\n');
    expect(csv[0]!.split(',')[0]).toBe(HAIRCUT);
    expect(csv[0]).toContain('broker.forcedSales.median');
    expect(csv).toHaveLength(3);
    const header = csv[0]!.split(',');
    const row = csv[1]!.split(',');
    expect(row[header.indexOf('broker.forcedSales.median')]).toBe('4');
    expect(row[header.indexOf('broker.forcedSales.p90')]).toBe('8');
  });
});

describe('the guardrails a sweep can move', () => {
  it('each has a name in every catalogue (the ALT leverage cap among them)', () => {
    expect(SWEEP_PATHS).toContain('extras.maxLeverageByMarket.ALT');
    for (const locale of Object.keys(catalogues))
      for (const path of SWEEP_PATHS)
        expect(catalogues[locale]![`sweep.g.${path}` as MessageKey], `${locale} ${path}`).toBeTruthy();
  });
});
