/**
 * The link reader on the shared validation layer: hostile values not tried elsewhere (numbers written as
 * text, "1e400", hex, padded digits, prototype names as values, very long strings, arrays where objects
 * belong) are refused with a notice naming the field; engine refusals are read by their fields.
 */
import { describe, expect, it } from 'vitest';
import { decodeHash } from './url-state.ts';
import { base64urlEncode, utf8Encode } from './transport.ts';
import { engineNotice } from './notice.ts';
import { validateSharedState } from './validate.ts';
import { overrideRule } from './override-shapes.ts';
import { Refusal, between, check } from '../../engine/validation/index.ts';

const plain = (json: string) => `#v1.j${base64urlEncode(utf8Encode(json))}`;
const base = { sc: 'synthetic-calm', rs: [{ p: 'hk-sfc-2026' }, { p: 'offshore-cex' }], sd: 1 };
const withField = (key: string, rawJson: string) =>
  plain(JSON.stringify(base).replace(/}$/, `,"${key}":${rawJson}}`));

async function refusal(hash: string) {
  const result = await decodeHash(hash);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.state)}`);
  const { notice } = result;
  expect(notice.message).toBe(`${notice.field} must be ${notice.allowed} (got ${notice.value})`);
  expect(notice.value.length).toBeLessThanOrEqual(48);
  return notice;
}

describe('run fields refused by the layer', () => {
  it.each([
    ['sd', '1e400', 'seed', 'Infinity'],
    ['sd', '"0x10"', 'seed', '"0x10"'],
    ['sd', '" 5"', 'seed', '" 5"'],
    ['sd', '[5]', 'seed', '[5]'],
    ['sc', '"__proto__"', 'scenario', '"__proto__"'],
    ['sc', '"toString"', 'scenario', '"toString"'],
    ['mm', '{}', 'affiliated market maker', '{}'],
    ['po', '[200,0.7]', 'population', '[200,0.7]'],
    ['po', '{"n":"1e3"}', 'traders', '"1e3"'],
    ['po', '{"n":-0.5}', 'traders', '-0.5'],
    ['po', '{"c":"constructor"}', 'what refused traders do', '"constructor"'],
    ['rs', '{"0":{},"1":{}}', 'rule sets', '{"0":{},"1":{}}'],
    ['rs', '[[],{}]', 'rule set A', '[]'],
    ['rs', '[{"p":"valueOf"},{}]', 'rule set A, preset', '"valueOf"'],
    ['rs', '[{},{"o":{"hasOwnProperty":1}}]', 'rule set B, guardrail key', '"hasOwnProperty"'],
    ['rs', '[{},{"o":{"perp.tiers.BTC":{"floor":0,"mmr":0.01}}}]', 'rule set B, perp.tiers.BTC', null],
    ['rs', '[{},{"o":{"perp.tiers.BTC":[[0,0.01]]}}]', 'rule set B, perp.tiers.BTC', null],
    [
      'rs',
      '[{},{"o":{"financing.collateral.BTC":[true,0.5]}}]',
      'rule set B, financing.collateral.BTC',
      null,
    ],
    ['rs', '[{},{"o":{"perp.marginModes":"isolated"}}]', 'rule set B, perp.marginModes', '"isolated"'],
    ['fo', '{"0":3}', 'followed traders', '{"0":3}'],
    ['fo', '[1e400]', 'followed traders', null],
  ])('refuses %s = %s, naming %s', async (key, raw, field, value) => {
    const notice = await refusal(withField(key, raw));
    expect(notice.code).toBe('invalid-field');
    expect(notice.field).toBe(field);
    if (value !== null) expect(notice.value).toBe(value);
  });

  it('shows a very long string as one short line', async () => {
    const long = 'x'.repeat(5_000) + '\n<script>';
    const notice = await refusal(withField('sc', JSON.stringify(long)));
    expect(notice.field).toBe('scenario');
    expect(notice.value).toMatch(/^"x+…$/);
    expect(notice.message.length).toBeLessThan(400);
  });

  it('refuses days on a historical scenario even when the value is -0', async () => {
    const notice = await refusal(plain('{"sc":"2022-11-ftx","dy":-0}'));
    expect(notice.field).toBe('days');
    expect(notice.allowed).toMatch(/left out for 2022-11-ftx/);
  });

  it('refuses a state that is not a plain object, called as the reader', () => {
    for (const raw of [[], null, 'x', 5, Object.create({ sc: 'synthetic-calm' }) as unknown]) {
      const result = validateSharedState(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.notice.field).toBe('link state');
    }
  });
});

describe('display fields dropped by the layer', () => {
  it.each([
    ['fr', '1e400', 'playback frame'],
    ['fr', '"12"', 'playback frame'],
    ['sp', '"60"', 'playback speed'],
    ['ft', '"__proto__"', 'followed trader'],
    ['ft', '-0.5', 'followed trader'],
    ['lg', '"__proto__"', 'language'],
    ['lg', '["en"]', 'language'],
    ['vw', '{"v":"app"}', 'view'],
    ['ls', JSON.stringify('a'.repeat(65)), 'lesson'],
    ['ls', '" haircut"', 'lesson'],
  ])('drops %s = %s with a notice naming %s', async (key, raw, field) => {
    const result = await decodeHash(withField(key, raw));
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.notices.map((n) => n.field)).toEqual([field]);
    const [n] = result.notices;
    expect(n!.message).toBe(`${field} must be ${n!.allowed} (got ${n!.value})`);
  });

  it('reads -0 in a display field as 0', async () => {
    const result = await decodeHash(withField('ft', '-0'));
    expect(result.ok && result.notices.length === 0 && Object.is(result.state.followedTrader, 0)).toBe(true);
  });
});

describe('guardrail shapes as rules of the layer', () => {
  it('describe what is allowed with the layer’s words', () => {
    const tiers = overrideRule('perp.tiers.BTC');
    expect(tiers.accepts([{ floor: 0, mmr: 0.004 }])).toBe(true);
    expect(tiers.accepts([{ floor: 0, mmr: 0.004, x: 1 }])).toBe(false);
    expect(() => check('tiers', [], tiers)).toThrow(
      /tiers must be a list of 1 to 100 entries, each \{ floor/,
    );
    expect(() => check('classes', ['retail', 'retail'], overrideRule('perp.eligibleClasses'))).toThrow(
      'classes must be a list of 0 to 2 distinct entries, each retail or professional (got ["retail","retail"])',
    );
  });
});

describe('engineNotice', () => {
  it('reads a Refusal by its fields, at the rule’s scale', () => {
    const error = new Refusal('BTC haircut', 1.5, between(0, 1, { scale: 'percent' }).allowed);
    expect(engineNotice('rule set B', error, {})).toEqual({
      code: 'invalid-field',
      field: 'rule set B, BTC haircut',
      value: '150%',
      allowed: 'between 0% and 100%',
      message: 'rule set B: BTC haircut must be between 0% and 100% (got 150%)',
    });
  });

  it('shortens a hostile value carried by a Refusal', () => {
    const error = new Refusal('note', 'y'.repeat(1_000), { kind: 'words', text: 'short text' });
    const n = engineNotice('rule set A', error, null);
    expect(n.value.length).toBeLessThanOrEqual(48);
    expect(n.message).toContain(n.value);
  });

  it('keeps the message of a plain error, parsed when it has the usual shape', () => {
    expect(engineNotice('population', new RangeError('traders must be 3 or more (got 2)'), {})).toMatchObject(
      {
        field: 'population, traders',
        value: '2',
        allowed: '3 or more',
      },
    );
    expect(engineNotice('link state', new Error('boom'), { a: 1 })).toMatchObject({
      field: 'link state',
      value: '{"a":1}',
      allowed: 'boom',
    });
  });
});
