/**
 * Hand-written links of every format version, frozen here as literals: a change to the reader that breaks an
 * old link fails this test, and a format change that should have been a new version shows up here first.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, MIGRATIONS, migrate } from './migrations.ts';
import { decodeHash } from './url-state.ts';
import { defaultSharedState } from './shared-state.ts';
import { overrideShapeProblem } from './override-shapes.ts';
import { base64urlEncode, utf8Encode } from './transport.ts';
import { GUARDRAIL_KEYS, guardrailValue } from '../../engine/regimes/index.ts';
import { REGIMES } from '../../engine/regimes/catalogue.ts';
import { PRESET_IDS } from '../../engine/regimes/types.ts';

/** v0: base64url of {"scenario":"2022-11-ftx","regimes":["hk-sfc-2026","us-cftc"],"seed":7,"traders":500,"lang":"zh-Hant-HK"} */
const V0_LINK =
  '#v0.eyJzY2VuYXJpbyI6IjIwMjItMTEtZnR4IiwicmVnaW1lcyI6WyJoay1zZmMtMjAyNiIsInVzLWNmdGMiXSwic2VlZCI6NywidHJhZGVycyI6NTAwLCJsYW5nIjoiemgtSGFudC1ISyJ9';

/**
 * v1, plain ('j'): {"sc":"2021-05-crash","rs":[{"p":"eu-esma-retail"},{"p":"jp-fsa-retail","o":{"perp.funding.cap":null}}],
 * "po":{"n":50,"r":1,"l":0,"c":"spot"},"sd":99,"mm":false,"lg":"en","fr":10}
 */
const V1_PLAIN_LINK =
  '#v1.jeyJzYyI6IjIwMjEtMDUtY3Jhc2giLCJycyI6W3sicCI6ImV1LWVzbWEtcmV0YWlsIn0seyJwIjoianAtZnNhLXJldGFpbCIsIm8iOnsicGVycC5mdW5kaW5nLmNhcCI6bnVsbH19XSwicG8iOnsibiI6NTAsInIiOjEsImwiOjAsImMiOiJzcG90In0sInNkIjo5OSwibW0iOmZhbHNlLCJsZyI6ImVuIiwiZnIiOjEwfQ';

/** v1, compressed ('z'), as the app wrote it: every field set. */
const V1_PACKED_LINK =
  '#v1.zVU-7bsIwFP2XM19HacpDuiNdkNqhQzfEYMxNbOHYkW0oFPnfq4A6dDrS0XnekQ0Y-RaKleKM6r3OVpmkswUhZfDujgkMe1K5N6pruxUIEXzHJGlqRn39kIskPQj4ldC7oINxYWhM9F4XSdo3m6-32SDeDe7gBVzSWQhWu2TOBdw261orPZti32cbkygj139VQQZd3EU22utg5DPFIqa4GJ55te4J00MewMu2JaQ5ekXwM3ZLwuNs0TcVzwWVkI_gNWEc_yb5AYwfq7Y6FLV9B-F4A3eEPoJ3i25P6At4MTMJ_NK1hDyBu0VLuHyDIeNBjqi_';

describe('link versions', () => {
  it('has one migration per older version', () => {
    expect(CURRENT_VERSION).toBe(1);
    expect(MIGRATIONS).toHaveLength(CURRENT_VERSION);
    const json = { sc: 'synthetic-calm' };
    expect(migrate(json, CURRENT_VERSION)).toBe(json);
  });

  it('lifts a v0 link to the current state', async () => {
    const result = await decodeHash(V0_LINK);
    expect(result).toEqual({
      ok: true,
      state: {
        ...defaultSharedState(),
        scenario: '2022-11-ftx',
        ruleSets: [
          { preset: 'hk-sfc-2026', overrides: {} },
          { preset: 'us-cftc', overrides: {} },
        ],
        seed: 7,
        population: { ...defaultSharedState().population, traders: 500 },
        lang: 'zh-Hant-HK',
      },
      notices: [],
      fromLink: true,
      version: 0,
    });
  });

  it('refuses a v0 link with a __proto__ key (issue 19: the migration dropped it before the checks)', async () => {
    // {"__proto__":{"x":1},"scenario":"2025-10-tariff-crash"}, the link of the issue.
    const result = await decodeHash(
      '#v0.eyJfX3Byb3RvX18iOnsieCI6MX0sInNjZW5hcmlvIjoiMjAyNS0xMC10YXJpZmYtY3Jhc2gifQ',
    );
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('__proto__');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('migrates v0 field by field and validates the result like a current link', async () => {
    expect(migrate({ scenario: 'x', regimes: 'y', traders: 5 }, 0)).toEqual({
      sc: 'x',
      rs: 'y',
      po: { n: 5 },
    });
    expect(migrate([1, 2], 0)).toEqual([1, 2]);
    expect(migrate(null, 0)).toBeNull();
    const bad = await decodeHash(`#v0.${base64urlEncode(utf8Encode('{"scenario":"<b>x</b>","traders":5}'))}`);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.notice.message).toBe(
      'scenario must be one of 2020-03-black-thursday, 2021-05-crash, 2022-05-luna, 2022-11-ftx, ' +
        '2025-10-tariff-crash, synthetic-calm, synthetic-volatile, synthetic-flash-crash, synthetic-short-squeeze ' +
        '(got "<b>x</b>")',
    );
    // v0 had no mode character: a v1-style payload under v0 is not read as one.
    expect((await decodeHash(V1_PLAIN_LINK.replace('#v1.', '#v0.'))).ok).toBe(false);
  });

  it('reads a hand-written plain v1 link', async () => {
    const result = await decodeHash(V1_PLAIN_LINK);
    expect(result).toEqual({
      ok: true,
      state: {
        ...defaultSharedState(),
        scenario: '2021-05-crash',
        ruleSets: [
          { preset: 'eu-esma-retail', overrides: {} },
          { preset: 'jp-fsa-retail', overrides: { 'perp.funding.cap': null } },
        ],
        population: { traders: 50, retailShare: 1, leakage: 0, refusedChoice: 'spot' },
        seed: 99,
        frame: 10,
      },
      notices: [],
      fromLink: true,
      version: 1,
    });
  });

  it('reads a frozen compressed v1 link with every field', async () => {
    const result = await decodeHash(V1_PACKED_LINK);
    expect(result).toEqual({
      ok: true,
      state: {
        scenario: 'synthetic-flash-crash',
        days: 2,
        ruleSets: [
          {
            preset: 'hk-sfc-2026',
            overrides: {
              'perp.maxLeverage': 3,
              'financing.collateral.BTC': { eligible: true, haircut: 0.7 },
            },
          },
          { preset: 'offshore-cex', overrides: { 'perp.negativeBalanceProtection': true } },
        ],
        population: { traders: 500, retailShare: 0.6, leakage: 0.25, refusedChoice: 'stay-out' },
        seed: 7,
        affiliatedMarketMaker: true,
        follow: [42],
        followedTrader: 42,
        frame: 120,
        speed: 240,
        lang: 'zh-Hant-HK',
        view: 'embed',
      },
      notices: [],
      fromLink: true,
      version: 1,
    });
  });
});

describe('guardrail value shapes', () => {
  it('accept every preset’s own value of every guardrail', () => {
    for (const id of PRESET_IDS)
      for (const key of GUARDRAIL_KEYS)
        expect(overrideShapeProblem(key, guardrailValue(REGIMES[id], key)), `${id} ${key}`).toBeNull();
  });

  it('say what is allowed when a value does not fit', () => {
    expect(overrideShapeProblem('perp.maxLeverage', '20')).toBe('a finite number');
    expect(overrideShapeProblem('perp.funding.cap', 'none')).toBe('a finite number or null (none)');
    expect(overrideShapeProblem('perp.partialLiquidation', { sliceFraction: 0.2 })).toBe(
      '{ sliceFraction: a finite number, minNotional: a finite number } or null',
    );
    expect(overrideShapeProblem('extras.maxLeverageByMarket', { BTC: 40 })).toBeNull();
    expect(overrideShapeProblem('extras.maxLeverageByMarket', { SOL: 40 })).toMatch(/each field optional/);
  });

  it('read -0 as 0, so a state re-encodes to the same link', async () => {
    const result = await decodeHash(`#v1.j${base64urlEncode(utf8Encode('{"sd":-0,"fr":-0}'))}`);
    expect(result.ok && Object.is(result.state.seed, 0) && Object.is(result.state.frame, 0)).toBe(true);
  });
});
