import { describe, expect, it } from 'vitest';
import { chartFormats } from './chart-format.ts';

describe('chart number formats', () => {
  it('reads a change too small to show as 0%, and keeps real changes', () => {
    const { change } = chartFormats('en');
    expect(change(-0.0000000033)).toBe('0%');
    expect(change(-0.034)).toBe('−3.4%');
    expect(change(0.12)).toBe('+12%');
  });

  it('gives prices in whole dollars from $1,000, in cents below (an ALT price of $87.42)', () => {
    const { price } = chartFormats('en');
    expect(price(104_900.4)).toBe('$104,900');
    expect(price(87.424)).toBe('$87.42');
    expect(price(NaN)).toBe('–');
  });
});
