import { describe, it, expect } from 'vitest';
import { parseFlags } from '../args.ts';
import { Refusal } from '../../engine/validation/index.ts';
import { run } from './margin-loan.ts';

const marginLoan = (...argv: string[]) => run(parseFlags(argv));

describe('margin-loan', () => {
  it('vector 63 (B-LTV): loan 100 on 0.01938571 BTC @7,400 → LTV 69.71%, with the default thresholds', () => {
    const r = marginLoan('--collateral-qty', '0.01938571', '--price', '7400', '--loan', '100');
    expect(r.ltv).toBeCloseTo(0.6971, 4);
    // 143.454254 × (1 − 0.6)
    expect(r.lendingValue).toBeCloseTo(57.3817016, 6);
    expect(r.maxLoan).toBe(r.lendingValue);
    // 100 / (0.4 × 0.01938571) and 100 / (0.6 × 0.01938571)
    expect(r.marginCallPrice).toBeCloseTo(12_896.0972, 3);
    expect(r.forcedSalePrice).toBeCloseTo(8_597.3981, 3);
  });

  it('hand-computed: 2 BTC @30,000, loan 20,000, haircut 50%, call 50%, liquidation 75%', () => {
    const r = marginLoan(
      '--collateral-qty=2',
      '--price=30000',
      '--loan=20000',
      '--haircut=0.5',
      '--call-ltv=0.5',
      '--liquidation-ltv=0.75',
    );
    expect(r.ltv).toBeCloseTo(1 / 3, 12); // 20,000 / 60,000
    expect(r.lendingValue).toBeCloseTo(30_000, 9); // 60,000 × 0.5
    expect(r.maxLoan).toBeCloseTo(30_000, 9);
    expect(r.marginCallPrice).toBeCloseTo(20_000, 9); // 20,000 / (0.5 × 2)
    expect(r.forcedSalePrice).toBeCloseTo(13_333.333333, 5); // 20,000 / (0.75 × 2)
  });

  it('HK defaults at the maximum opening LTV: call at once, forced sale after a 33.3% fall (guardrails §2)', () => {
    const r = marginLoan('--collateral-qty', '1', '--price', '60000', '--loan', '24000');
    expect(r.ltv).toBeCloseTo(0.4, 12);
    expect(r.maxLoan).toBeCloseTo(24_000, 9);
    expect(r.marginCallPrice).toBeCloseTo(60_000, 9);
    expect(r.forcedSalePrice).toBeCloseTo(40_000, 9);
  });

  it('refuses a haircut outside [0, 1], naming the flag, the value and what is allowed', () => {
    expect(() =>
      marginLoan('--collateral-qty', '1', '--price', '1', '--loan', '0', '--haircut', '1.2'),
    ).toThrow('--haircut must be between 0 and 1 (got 1.2)');
  });

  it('refuses negative or zero quantities and prices, and a negative loan', () => {
    expect(() => marginLoan('--collateral-qty', '-1', '--price', '1', '--loan', '0')).toThrow(
      '--collateral-qty must be a number greater than 0 (got -1)',
    );
    expect(() => marginLoan('--collateral-qty', '1', '--price', '0', '--loan', '0')).toThrow(
      '--price must be a number greater than 0 (got 0)',
    );
    expect(() => marginLoan('--collateral-qty', '1', '--price', '1', '--loan', '-5')).toThrow(
      '--loan must be a number ≥ 0 (got -5)',
    );
  });

  it('refuses a call LTV at or above the liquidation LTV', () => {
    const base = ['--collateral-qty', '1', '--price', '1', '--loan', '0'];
    expect(() => marginLoan(...base, '--call-ltv', '0.6')).toThrow(
      '--call-ltv must be below 0.6 (the --liquidation-ltv) (got 0.6)',
    );
    expect(() => marginLoan(...base, '--call-ltv', '0.7', '--liquidation-ltv', '0.5')).toThrow(Refusal);
    expect(() => marginLoan(...base, '--liquidation-ltv', '1.5')).toThrow(
      '--liquidation-ltv must be greater than 0 and at most 1 (got 1.5)',
    );
  });

  it('refuses missing and unknown flags', () => {
    expect(() => marginLoan('--price', '1', '--loan', '0')).toThrow(
      '--collateral-qty is required (a number greater than 0)',
    );
    expect(() => marginLoan('--collateral-qty', '1', '--price', '1', '--loan', '0', '--lev', '2')).toThrow(
      /unknown flag --lev/,
    );
  });
});
