/**
 * Fuzzing the reader: random strings, random JSON behind a valid transport, random values in the known fields
 * and random mutations of valid hashes. Whatever comes in, `decodeHash` resolves (never throws or rejects)
 * to a refusal with a complete notice, or to a state that is valid by every check (it re-reads to itself, and
 * the engine accepts its run configs).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHash, encodeState, type DecodeResult } from './url-state.ts';
import { base64urlEncode, deflateRaw, utf8Encode } from './transport.ts';
import { runConfigsOf, toCompact } from './shared-state.ts';
import { validateSharedState } from './validate.ts';
import { sharedStateArbitrary } from './test-support.ts';
import { validateRunConfig, resolveRegime } from '../../engine/run/config.ts';

/** Cases per property; the five properties below try about 12,000 hashes in all. */
const RUNS = 2_500;

let tried = 0;

async function expectValidOrRefused(hash: unknown): Promise<DecodeResult> {
  tried++;
  let result: DecodeResult;
  try {
    result = await decodeHash(hash);
  } catch (error) {
    throw new Error(`decodeHash threw for ${String(hash).slice(0, 200)}: ${String(error)}`);
  }
  if (!result.ok) {
    const { notice } = result;
    expect(notice.field.trim(), notice.message).not.toBe('');
    expect(notice.value.trim(), notice.message).not.toBe('');
    expect(notice.allowed.trim(), notice.message).not.toBe('');
    expect(notice.message).toContain(notice.value);
    return result;
  }
  const again = validateSharedState(JSON.parse(JSON.stringify(toCompact(result.state))));
  expect(again).toEqual({ ok: true, state: result.state, notices: [] });
  for (const config of runConfigsOf(result.state)) {
    validateRunConfig(config);
    resolveRegime(config);
  }
  for (const n of result.notices) expect(n.message).toMatch(/ must .+ \(got .+\)$/);
  return result;
}

const plain = (text: string) => `#v1.j${base64urlEncode(utf8Encode(text))}`;
const packed = async (text: string) => `#v1.z${base64urlEncode(await deflateRaw(utf8Encode(text)))}`;

/** Values of every JSON type, with the edge numbers JSON.parse can produce. */
const edgeValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(0, -0, -1, 1, 0.5, 1.5, 2 ** 53, -(2 ** 53), 1e308, 3, 200, 1_000_001),
  fc.constantFrom('<script>alert(1)</script>', '__proto__', 'NaN', 'Infinity', '', 'en', 'embed', 'spot'),
);

const knownFields = fc.record(
  {
    sc: fc.oneof(fc.constantFrom('2022-11-ftx', 'synthetic-calm', 'synthetic-volatile'), edgeValue),
    dy: fc.oneof(fc.double(), edgeValue),
    rs: fc.oneof(
      fc.tuple(
        fc.record(
          {
            p: fc.oneof(fc.constantFrom('hk-sfc-2026', 'us-cftc'), edgeValue),
            o: fc.dictionary(
              fc.constantFrom('perp.maxLeverage', 'financing.callLtv', 'perp.tiers.BTC', 'x'),
              edgeValue,
            ),
          },
          { requiredKeys: [] },
        ),
        fc.record({ p: edgeValue }, { requiredKeys: [] }),
      ),
      edgeValue,
    ),
    po: fc.oneof(
      fc.record({ n: edgeValue, r: edgeValue, l: edgeValue, c: edgeValue }, { requiredKeys: [] }),
      edgeValue,
    ),
    sd: edgeValue,
    mm: edgeValue,
    fo: fc.oneof(fc.array(fc.integer({ min: -5, max: 300 })), edgeValue),
    ft: edgeValue,
    fr: edgeValue,
    sp: edgeValue,
    lg: edgeValue,
    vw: edgeValue,
    ls: edgeValue,
    mk: fc.oneof(fc.constantFrom('BTC', 'ETH', 'ALT', 'SOL', 'alt'), edgeValue),
  },
  { requiredKeys: [] },
);

/** A valid hash with characters replaced, inserted, deleted, or cut short. */
const mutated = fc
  .tuple(
    sharedStateArbitrary,
    fc.array(
      fc.tuple(
        fc.constantFrom('replace', 'insert', 'delete', 'cut'),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 3 }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([state, edits]) => ({ state, edits }));

// 2,500 cases a property take up to 4 s on the project's machine when it is quiet; the default 5 s timeout
// failed a run when the machine was slow. A property's time is bounded by its case count, not by a hang.
describe('fuzzing the hash reader', { timeout: 30_000 }, () => {
  it('survives random strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ maxLength: 300 }).map((s) => `#v1.${s}`),
          fc.string({ maxLength: 300 }).map((s) => `#v1.z${s}`),
          fc.stringMatching(/^#v[0-9]{1,3}\.[jz][A-Za-z0-9_-]{0,200}$/),
        ),
        async (hash) => {
          await expectValidOrRefused(hash);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('survives random JSON behind a valid transport', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), async (json, compress) => {
        const text = JSON.stringify(json) ?? 'null';
        await expectValidOrRefused(compress ? await packed(text) : plain(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('survives random values in every known field', async () => {
    await fc.assert(
      fc.asyncProperty(knownFields, async (fields) => {
        await expectValidOrRefused(plain(JSON.stringify(fields)));
      }),
      { numRuns: RUNS },
    );
  });

  it('survives random mutations of valid hashes', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async ({ state, edits }) => {
        let hash = await encodeState(state);
        for (const [kind, at, text] of edits) {
          const i = at % (hash.length + 1);
          if (kind === 'replace') hash = hash.slice(0, i) + text + hash.slice(i + text.length);
          else if (kind === 'insert') hash = hash.slice(0, i) + text + hash.slice(i);
          else if (kind === 'delete') hash = hash.slice(0, i) + hash.slice(i + text.length);
          else hash = hash.slice(0, i);
        }
        await expectValidOrRefused(hash);
      }),
      { numRuns: RUNS },
    );
  });

  it('survives random changes to the JSON of valid states', async () => {
    await fc.assert(
      fc.asyncProperty(
        sharedStateArbitrary,
        fc.string({ maxLength: 8 }),
        edgeValue,
        async (state, key, value) => {
          const json = toCompact(state) as unknown as Record<string, unknown>;
          const keys = Object.keys(json);
          const target = keys[key.length % keys.length]!;
          const changed = { ...json, [key.length % 2 === 0 ? target : key]: value };
          await expectValidOrRefused(await packed(JSON.stringify(changed)));
        },
      ),
      { numRuns: RUNS },
    );
    expect(tried).toBeGreaterThanOrEqual(5 * RUNS);
  });
});
