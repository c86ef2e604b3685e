/**
 * Every kind of bad hash the brief lists: malformed, truncated, oversized, prototype keys, script-looking
 * strings, wrong types, NaN and Infinity, unknown ids and numbers out of range. Each is refused (or, for a
 * display field, dropped) with a notice that names the field, the value and what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { decodeHash, encodeState, MAX_HASH_LENGTH, type DecodeResult } from './url-state.ts';
import { base64urlEncode, deflateRaw, utf8Encode } from './transport.ts';
import { defaultSharedState } from './shared-state.ts';
import type { UrlNotice } from './notice.ts';

const plain = (json: string) => `#v1.j${base64urlEncode(utf8Encode(json))}`;
const packed = async (json: string) => `#v1.z${base64urlEncode(await deflateRaw(utf8Encode(json)))}`;
/** A valid v1 JSON with one field replaced (as raw JSON text). */
const withField = (key: string, rawJson: string) =>
  plain(
    JSON.stringify({
      sc: 'synthetic-calm',
      rs: [{ p: 'hk-sfc-2026' }, { p: 'offshore-cex' }],
      po: { n: 200, r: 0.7, l: 0, c: 'spot' },
      sd: 1,
      mm: false,
      lg: 'en',
    }).replace(/}$/, `,"${key}":${rawJson}}`),
  );

function expectWellFormed(n: UrlNotice): void {
  expect(n.field.trim()).not.toBe('');
  expect(n.value.trim()).not.toBe('');
  expect(n.allowed.trim()).not.toBe('');
  expect(n.value.length).toBeLessThanOrEqual(48);
  expect(n.message).toContain(n.value);
  expect(n.message).toMatch(/ must .+ \(got .+\)$/);
}

function refused(result: DecodeResult): UrlNotice {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.state)}`);
  expectWellFormed(result.notice);
  return result.notice;
}

describe('malformed and truncated hashes', () => {
  it.each([
    ['#v1.', 'malformed'],
    ['#v1.j', 'malformed'],
    ['#v1.z', 'malformed'],
    ['#v1.x' + 'A'.repeat(20), 'malformed'],
    ['#v1.j!!!!', 'malformed'],
    ['#v1.j%3Cscript%3E', 'malformed'],
    ['#v1.jAAAA', 'malformed'],
    ['#v1.j_w', 'malformed'],
    ['#v1.zAAAAAAAA', 'malformed'],
    ['#v1.jA', 'malformed'],
    ['#garbage', 'malformed'],
    ['#<script>alert(1)</script>', 'malformed'],
    ['#v.jAAAA', 'malformed'],
    ['#vv1.jAAAA', 'malformed'],
    ['#v-1.jAAAA', 'malformed'],
    ['#v1' + 'x'.repeat(30), 'malformed'],
  ])('refuses %s', async (hash, code) => {
    expect(refused(await decodeHash(hash)).code).toBe(code);
  });

  it('refuses every truncation of a valid hash, plain or compressed', async () => {
    const state = {
      ...defaultSharedState(),
      ruleSets: [
        { preset: 'hk-sfc-2026', overrides: { 'perp.maxLeverage': 3 } },
        { preset: 'offshore-cex', overrides: { 'financing.callLtv': 0.7 } },
      ],
    } as const;
    const hash = await encodeState(structuredClone(state) as never);
    const json = JSON.stringify({ sc: 'synthetic-calm' });
    const accepted: string[] = [];
    for (const full of [hash, plain(json), await packed(json)]) {
      for (let cut = 1; cut < full.length; cut++) {
        const result = await decodeHash(full.slice(0, cut));
        if (!result.ok) {
          expectWellFormed(result.notice);
          continue;
        }
        // An accepted cut must be a valid state: one that encodes and decodes back to itself.
        accepted.push(full.slice(0, cut));
        const again = await decodeHash(await encodeState(structuredClone(result.state)));
        expect(again.ok && again.state, full.slice(0, cut)).toEqual(result.state);
      }
    }
    // No proper prefix of a JSON object is JSON and a cut deflate stream is incomplete, so the only cut that
    // decodes is the bare '#' (no state: the defaults, not from a link).
    expect(accepted).toEqual(['#', '#', '#']);
  });

  it('refuses JSON that is not an object, and text that is not UTF-8', async () => {
    for (const json of ['[]', '"x"', '42', 'null', 'true', '{', '{"sc":}', '']) {
      expect(refused(await decodeHash(plain(json))).code).toMatch(/malformed|invalid-field/);
      expect(refused(await decodeHash(await packed(json))).code).toMatch(/malformed|invalid-field/);
    }
    const latin1 = `#v1.j${base64urlEncode(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))}`;
    expect(refused(await decodeHash(latin1)).code).toBe('malformed');
  });

  it('refuses things that are not text at all', async () => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x'), () => 1])
      expect(refused(await decodeHash(value)).code).toBe('malformed');
  });
});

describe('oversized hashes', () => {
  it('refuses a 20 KB hash before reading it', async () => {
    const notice = refused(await decodeHash(`#v1.j${'A'.repeat(20 * 1024)}`));
    expect(notice.code).toBe('too-long');
    expect(notice.message).toBe(`link must be at most ${MAX_HASH_LENGTH} characters (got 20485 characters)`);
  });

  it('accepts a hash right at the limit only if it is valid, and refuses one character more', async () => {
    expect(refused(await decodeHash('#' + 'v'.repeat(MAX_HASH_LENGTH))).code).toBe('too-long');
    expect(refused(await decodeHash('#' + 'v'.repeat(MAX_HASH_LENGTH - 1))).code).toBe('malformed');
  });

  it('stops inflating a compression bomb at 64 KB', async () => {
    const bomb = `{"sc":"synthetic-calm","pad":"${' '.repeat(1_000_000)}"}`;
    const hash = await packed(bomb);
    expect(hash.length).toBeLessThan(MAX_HASH_LENGTH);
    expect(refused(await decodeHash(hash)).code).toBe('too-long');
  });

  it('refuses nesting deeper than any state the app writes, and too many values', async () => {
    expect(refused(await decodeHash(withField('x', '[[[[[[[[[[1]]]]]]]]]]'))).code).toBe('too-complex');
    expect(refused(await decodeHash(await packed(`{"x":[${'0,'.repeat(5000)}0]}`))).code).toBe('too-complex');
  });
});

describe('prototype pollution', () => {
  it.each([
    ['at the top', '{"__proto__":{"polluted":1},"sc":"synthetic-calm"}'],
    ['in the population', '{"po":{"__proto__":{"n":5}}}'],
    ['in a rule set', '{"rs":[{"p":"hk-sfc-2026","__proto__":{"o":1}},{"p":"offshore-cex"}]}'],
    ['as a guardrail key', '{"rs":[{"p":"hk-sfc-2026","o":{"__proto__":{"x":1}}},{"p":"offshore-cex"}]}'],
    [
      'inside a guardrail value',
      '{"rs":[{"p":"hk-sfc-2026","o":{"perp.partialLiquidation":{"__proto__":1}}},{}]}',
    ],
    ['as constructor', '{"constructor":{"prototype":{"polluted":1}}}'],
    ['as prototype', '{"po":{"prototype":1}}'],
  ])('refuses a __proto__-style key %s and pollutes nothing', async (_where, json) => {
    for (const hash of [plain(json), await packed(json)]) {
      const notice = refused(await decodeHash(hash));
      expect(notice.code).toBe('forbidden-key');
      expect(notice.value).toMatch(/^"(__proto__|constructor|prototype)"$/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('n');
  });
});

describe('script-looking strings', () => {
  const script = '"<script>alert(1)</script>"';

  it.each(['sc', 'sd', 'mm'])('refuses the whole link for script in run field %s', async (key) => {
    const notice = refused(await decodeHash(withField(key, script)));
    expect(notice.code).toBe('invalid-field');
    expect(notice.value).toBe('"<script>alert(1)</script>"');
  });

  it('refuses script as a preset, a guardrail key or a guardrail value', async () => {
    const rs = (r: string) => plain(`{"rs":[${r},{"p":"offshore-cex"}]}`);
    expect(refused(await decodeHash(rs(`{"p":${script}}`))).field).toBe('rule set A, preset');
    expect(refused(await decodeHash(rs(`{"p":"hk-sfc-2026","o":{${script}:1}}`))).field).toBe(
      'rule set A, guardrail key',
    );
    expect(refused(await decodeHash(rs(`{"p":"hk-sfc-2026","o":{"perp.markMethod":${script}}}`))).field).toBe(
      'rule set A, perp.markMethod',
    );
  });

  it.each([
    ['lg', 'language'],
    ['vw', 'view'],
    ['ls', 'lesson'],
  ])('drops script in display field %s with a notice and keeps the run', async (key, field) => {
    for (const value of [script, '"javascript:alert(1)"', '"<img src=x onerror=alert(1)>"']) {
      const result = await decodeHash(withField(key, value));
      if (!result.ok) throw new Error(result.notice.message);
      expect(result.state.scenario).toBe('synthetic-calm');
      expect(result.notices).toHaveLength(1);
      expectWellFormed(result.notices[0]!);
      expect(result.notices[0]!.field).toBe(field);
      expect(JSON.stringify(result.state)).not.toMatch(/script|onerror/);
    }
  });
});

describe('wrong types, NaN and Infinity', () => {
  it.each([
    ['sc', '42', 'scenario'],
    ['dy', '"1"', 'days'],
    ['rs', '"hk-sfc-2026,offshore-cex"', 'rule sets'],
    ['rs', '[{"p":"hk-sfc-2026"}]', 'rule sets'],
    ['rs', '[{"p":"hk-sfc-2026"},{"p":"us-cftc"},{"p":"offshore-cex"}]', 'rule sets'],
    ['rs', '[1,2]', 'rule set A'],
    ['rs', '[{"p":"hk-sfc-2026","o":[1]},{}]', 'rule set A, changed guardrails'],
    ['rs', '[{},{"p":"offshore-cex","o":{"perp.maxLeverage":"20"}}]', 'rule set B, perp.maxLeverage'],
    ['rs', '[{},{"p":"offshore-cex","o":{"perp.maxLeverage":1e999}}]', 'rule set B, perp.maxLeverage'],
    ['rs', '[{},{"p":"offshore-cex","o":{"perp.maxLeverage":null}}]', 'rule set B, perp.maxLeverage'],
    ['rs', '[{},{"o":{"perp.tiers.BTC":[{"floor":0}]}}]', 'rule set B, perp.tiers.BTC'],
    ['rs', '[{},{"o":{"perp.tiers.BTC":[]}}]', 'rule set B, perp.tiers.BTC'],
    [
      'rs',
      '[{},{"o":{"financing.collateral.BTC":{"eligible":"yes","haircut":0.6}}}]',
      'rule set B, financing.collateral.BTC',
    ],
    [
      'rs',
      '[{},{"o":{"financing.collateral.BTC":{"eligible":true,"haircut":0.6,"x":1}}}]',
      'rule set B, financing.collateral.BTC',
    ],
    ['rs', '[{},{"o":{"perp.eligibleClasses":["retail","retail"]}}]', 'rule set B, perp.eligibleClasses'],
    ['rs', '[{},{"o":{"perp.funding.intervalHours":3}}]', 'rule set B, perp.funding.intervalHours'],
    ['po', '"200"', 'population'],
    ['po', '{"n":"200"}', 'traders'],
    ['po', '{"n":1e999}', 'traders'],
    ['po', '{"r":"0.5"}', 'retail share'],
    ['po', '{"r":1e999}', 'retail share'],
    ['po', '{"l":-1e999}', 'leakage'],
    ['po', '{"c":"leave"}', 'what refused traders do'],
    ['sd', '"1"', 'seed'],
    ['sd', '1e999', 'seed'],
    ['sd', '"NaN"', 'seed'],
    ['mm', '"true"', 'affiliated market maker'],
    ['mm', '1', 'affiliated market maker'],
    ['fo', '"1,2"', 'followed traders'],
    ['fo', '[1.5]', 'followed traders'],
    ['fo', '["1"]', 'followed traders'],
  ])('refuses %s = %s (%s)', async (key, raw, field) => {
    const notice = refused(await decodeHash(withField(key, raw)));
    expect(notice.code).toBe('invalid-field');
    expect(notice.field).toBe(field);
  });
});

describe('unknown ids and numbers out of range', () => {
  it.each([
    ['sc', '"2030-crash"', 'scenario', /one of 2020-03-black-thursday, .*synthetic-short-squeeze/],
    ['rs', '[{"p":"moon-exchange"},{}]', 'rule set A, preset', /one of hk-sfc-2026, .*us-cftc/],
    ['rs', '[{},{"o":{"perp.moonMode":true}}]', 'rule set B, guardrail key', /one of perp\.eligibleClasses/],
    ['po', '{"n":2}', 'traders', /a whole number from 3 to 1000000/],
    ['po', '{"n":1000001}', 'traders', /a whole number from 3 to 1000000/],
    ['po', '{"n":50.5}', 'traders', /a whole number/],
    ['po', '{"r":1.5}', 'retail share', /between 0 and 1/],
    ['po', '{"l":-0.1}', 'leakage', /between 0 and 1/],
    ['sd', '-1', 'seed', /a whole number from 0/],
    ['sd', '9007199254740992', 'seed', /a whole number from 0 to 9007199254740991/],
    ['dy', '0.1', 'days', /between 0.25 and 730/],
    ['dy', '731', 'days', /between 0.25 and 730/],
    ['fo', '[200]', 'followed traders', /from 0 to 199/],
    ['fo', '[5,5]', 'followed traders', /distinct/],
    ['fo', `[${Array.from({ length: 51 }, (_, i) => i + 3).join(',')}]`, 'followed traders', /at most 50/],
  ])('refuses %s = %s', async (key, raw, field, allowed) => {
    const notice = refused(await decodeHash(withField(key, raw)));
    expect(notice.field).toBe(field);
    expect(notice.allowed).toMatch(allowed);
  });

  it('refuses days on a historical scenario', async () => {
    const notice = refused(await decodeHash(plain('{"sc":"2022-11-ftx","dy":2}')));
    expect(notice.field).toBe('days');
    expect(notice.allowed).toMatch(/historical/);
  });

  it('passes on the engine’s own refusal of a guardrail value, naming the rule set and the parameter', async () => {
    const hash = plain('{"rs":[{"p":"hk-sfc-2026","o":{"perp.maxLeverage":0}},{}]}');
    const notice = refused(await decodeHash(hash));
    expect(notice.message).toBe('rule set A: maximum leverage must be a number ≥ 1 (got 0)');
    expect(notice).toMatchObject({
      field: 'rule set A, maximum leverage',
      value: '0',
      allowed: 'a number ≥ 1',
    });
    const haircut = plain(
      '{"rs":[{},{"p":"offshore-cex","o":{"financing.collateral.BTC":{"eligible":true,"haircut":1.5}}}]}',
    );
    expect(refused(await decodeHash(haircut)).message).toMatch(
      /^rule set B: BTC haircut must be .* \(got 1.5\)$/,
    );
    const ltv = plain(
      '{"rs":[{},{"p":"offshore-cex","o":{"financing.callLtv":0.99,"financing.liquidationLtv":0.5}}]}',
    );
    expect(refused(await decodeHash(ltv)).message).toMatch(
      /^rule set B: LTV thresholds must (satisfy|be in the order) target ≤ call < forced sale/,
    );
  });

  it('drops display fields out of range, with a notice each, and keeps the run', async () => {
    const result = await decodeHash(
      plain('{"sc":"2021-05-crash","sd":5,"fr":-1,"sp":7,"ft":99,"vw":"admin","lg":"fr","ls":"Lesson 1"}'),
    );
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.state).toMatchObject({ scenario: '2021-05-crash', seed: 5, frame: 0, speed: 60 });
    expect(result.state).toMatchObject({ followedTrader: 0, view: 'app', lang: 'en' });
    expect(result.state.lesson).toBeUndefined();
    expect(result.notices.map((n) => n.field)).toEqual([
      'followed trader',
      'playback frame',
      'playback speed',
      'language',
      'view',
      'lesson',
    ]);
    result.notices.forEach(expectWellFormed);
  });

  it('ignores unknown fields silently, and fills missing ones with defaults', async () => {
    const result = await decodeHash(plain('{"sd":9,"future":{"x":[1,2,3]},"zz":"<b>"}'));
    expect(result).toEqual({
      ok: true,
      state: { ...defaultSharedState(), seed: 9 },
      notices: [],
      fromLink: true,
      version: 1,
    });
  });
});

describe('versions', () => {
  it('refuses a newer version with a notice naming it', async () => {
    const notice = refused(await decodeHash(`#v2.j${base64urlEncode(utf8Encode('{}'))}`));
    expect(notice.code).toBe('newer-version');
    expect(notice.message).toBe('link version must be a version from 0 to 1 (got 2)');
    expect(refused(await decodeHash('#v999999.jAAAA')).code).toBe('newer-version');
    expect(refused(await decodeHash('#v9999999.jAAAA')).code).toBe('malformed');
  });
});
