import { describe, expect, it } from 'vitest';
import { chartFormats } from './chart-format.ts';

describe('chart number formats', () => {
  it('reads a change too small to show as 0%, and keeps real changes', () => {
    const { change } = chartFormats('en');
    expect(change(-0.0000000033)).toBe('0%');
    expect(change(-0.034)).toBe('−3.4%');
    expect(change(0.12)).toBe('+12%');
  });
});
