import { describe, expect, it } from 'vitest';
import { regimeListForCli } from './list-regimes.ts';

describe('regimeListForCli', () => {
  it('lists the presets as {id, title}, the SFC preset first', () => {
    const list = regimeListForCli();
    expect(list[0]).toEqual({ id: 'hk-sfc-2026', title: 'Hong Kong SFC 2026 guardrails' });
    expect(list.map((r) => r.id)).toContain('offshore-cex');
    for (const entry of list) expect(Object.keys(entry).sort()).toEqual(['id', 'title']);
  });
});
