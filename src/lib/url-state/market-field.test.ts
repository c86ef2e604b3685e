/**
 * The stage chart's market in the link (issue 21): an optional display field `mk` added within v1. ETH and ALT
 * round-trip; BTC, the default, is left out, so every link made before reads as before (BTC, no notice); a value
 * that is not a market is dropped with a notice naming the field, the value and what is allowed, and the
 * comparison is kept.
 */
import { describe, expect, it } from 'vitest';
import { decodeHash, encodeState } from './url-state.ts';
import { base64urlEncode, utf8Encode } from './transport.ts';
import { defaultSharedState, toCompact, type SharedState } from './shared-state.ts';

const plain = (json: string) => `#v1.j${base64urlEncode(utf8Encode(json))}`;
const BASE = {
  sc: '2025-10-tariff-crash',
  rs: [{ p: 'hk-sfc-2026' }, { p: 'offshore-cex' }],
  po: { n: 200, r: 0.7, l: 0, c: 'spot' },
  sd: 20251010,
  mm: false,
  lg: 'en',
};
const withMarket = (mk: unknown) => plain(JSON.stringify({ ...BASE, mk }));

/** Frozen: a v1 link with ALT chosen, written by hand ({"sc":"2025-10-tariff-crash", …, "mk":"ALT"}). */
const FROZEN =
  '#v1.jeyJzYyI6IjIwMjUtMTAtdGFyaWZmLWNyYXNoIiwicnMiOlt7InAiOiJoay1zZmMtMjAyNiJ9LHsicCI6Im9mZnNob3JlLWNleCJ9XSwicG8iOnsibiI6MjAwLCJyIjowLjcsImwiOjAsImMiOiJzcG90In0sInNkIjoyMDI1MTAxMCwibW0iOmZhbHNlLCJsZyI6ImVuIiwibWsiOiJBTFQifQ';

describe('the chart market in the link', () => {
  it('opens a frozen link with ALT chosen', async () => {
    const result = await decodeHash(FROZEN);
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.notices).toEqual([]);
    expect(result.state).toEqual({ ...defaultSharedState(), market: 'ALT' });
  });

  it('round-trips ETH and ALT, and leaves BTC (the default) out', async () => {
    for (const market of ['ETH', 'ALT'] as const) {
      const state: SharedState = { ...defaultSharedState(), market };
      expect(toCompact(state).mk).toBe(market);
      const result = await decodeHash(await encodeState(state));
      expect(result.ok && result.state).toEqual(state);
    }
    expect(toCompact(defaultSharedState())).not.toHaveProperty('mk');
    // Written by hand as "BTC": the default, so the state (and the link it re-encodes to) has none.
    const btc = await decodeHash(withMarket('BTC'));
    expect(btc.ok && btc.state).toEqual(defaultSharedState());
  });

  it('reads a link without mk as before: BTC, no notice', async () => {
    const result = await decodeHash(plain(JSON.stringify(BASE)));
    expect(result).toMatchObject({ ok: true, notices: [] });
    expect(result.ok && result.state.market).toBeUndefined();
  });

  it.each([
    ['an unknown market', 'SOL', '"SOL"'],
    ['a lower-case id', 'alt', '"alt"'],
    ['a number', 2, '2'],
    ['a script', '<script>alert(1)</script>', '"<script>alert(1)</script>"'],
    ['a list', ['ALT'], '["ALT"]'],
  ])('drops %s with a notice and keeps the comparison', async (_, mk, shown) => {
    const result = await decodeHash(withMarket(mk));
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.state).toEqual(defaultSharedState());
    expect(result.notices).toHaveLength(1);
    const [notice] = result.notices;
    expect(notice).toMatchObject({ field: 'chart market', value: shown });
    expect(notice!.message).toBe(`chart market must be one of BTC, ETH, ALT (got ${shown})`);
  });
});
