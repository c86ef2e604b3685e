import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHash, encodeState, MAX_HASH_LENGTH } from './url-state.ts';
import { defaultSharedState, runConfigsOf, toCompact, type SharedState } from './shared-state.ts';
import { validateSharedState } from './validate.ts';
import { base64urlDecode, base64urlEncode, inflateRaw, utf8Decode } from './transport.ts';
import { sharedStateArbitrary } from './test-support.ts';
import { DEFAULT_RUN } from '../../engine/run/config.ts';
import { runScenario } from '../../engine/run/run.ts';

async function payloadText(hash: string): Promise<string> {
  const mode = hash.charAt(4);
  const bytes = base64urlDecode(hash.slice(5))!;
  if (mode === 'j') return utf8Decode(bytes)!;
  const inflated = await inflateRaw(bytes, 1e6);
  if (!inflated.ok) throw new Error('not inflatable');
  return utf8Decode(inflated.bytes)!;
}

describe('encoding the state in the hash', () => {
  it('starts with the version marker and a mode character', async () => {
    const hash = await encodeState(defaultSharedState());
    expect(hash).toMatch(/^#v1\.[jz][A-Za-z0-9_-]+$/);
  });

  it('writes compact JSON with every field that changes the run, and display fields only when set', async () => {
    const text = await payloadText(await encodeState(defaultSharedState()));
    expect(JSON.parse(text)).toEqual({
      sc: DEFAULT_RUN.scenario,
      rs: [{ p: 'hk-sfc-2026' }, { p: 'offshore-cex' }],
      po: { n: 200, r: 0.7, l: 0, c: 'spot' },
      sd: DEFAULT_RUN.seed,
      mm: false,
      lg: 'en',
    });
    expect(text).not.toMatch(/\s/);
  });

  it('compresses when that is shorter, and not when it is not', async () => {
    const long: SharedState = {
      ...defaultSharedState(),
      ruleSets: [
        {
          preset: 'hk-sfc-2026',
          overrides: { 'perp.maxLeverage': 3, 'financing.callLtv': 0.5, 'financing.targetLtv': 0.4 },
        },
        { preset: 'offshore-cex', overrides: { 'perp.maxLeverage': 50, 'perp.takerFeeRate': 0.0004 } },
      ],
    };
    const hash = await encodeState(long);
    expect(hash.charAt(4)).toBe('z');
    const json = JSON.stringify(toCompact(long));
    expect(hash.length).toBeLessThan(5 + base64urlEncode(new TextEncoder().encode(json)).length);

    // A tiny state (hand-written JSON) is shorter as plain base64url: deflate's overhead is not worth it.
    expect(validateSharedState({}).ok).toBe(true);
    const tiny = await decodeHash(`#v1.j${base64urlEncode(new TextEncoder().encode('{}'))}`);
    expect(tiny.ok).toBe(true);
  });

  it('round-trips random valid states exactly', async () => {
    await fc.assert(
      fc.asyncProperty(sharedStateArbitrary, async (state) => {
        const hash = await encodeState(state);
        expect(hash.length).toBeLessThanOrEqual(MAX_HASH_LENGTH);
        const decoded = await decodeHash(hash);
        expect(decoded).toEqual({ ok: true, state, notices: [], fromLink: true, version: 1 });
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same run configs, so the same checksums, as the state it was made from', async () => {
    const state: SharedState = {
      ...defaultSharedState(),
      scenario: 'synthetic-flash-crash',
      days: 0.25,
      population: { traders: 40, retailShare: 0.55, leakage: 0.3, refusedChoice: 'stay-out' },
      seed: 424242,
      ruleSets: [
        { preset: 'hk-sfc-2026', overrides: { 'perp.eligibleClasses': ['retail', 'professional'] } },
        { preset: 'onchain-perp-dex', overrides: { 'perp.maxLeverage': 10 } },
      ],
      follow: [7],
    };
    const decoded = await decodeHash(await encodeState(state));
    if (!decoded.ok) throw new Error(decoded.notice.message);
    const original = runConfigsOf(state);
    const shared = runConfigsOf(decoded.state);
    expect(shared).toEqual(original);
    for (const i of [0, 1] as const)
      expect(runScenario(shared[i]).summary.checksum).toBe(runScenario(original[i]).summary.checksum);
  });
});

describe('reading a hash that carries no state', () => {
  it('gives the defaults without a notice for an empty hash', async () => {
    for (const hash of ['', '#']) {
      expect(await decodeHash(hash)).toEqual({
        ok: true,
        state: defaultSharedState(),
        notices: [],
        fromLink: false,
        version: null,
      });
    }
  });

  it('refuses a hand-written hash: those are read by start-options.ts, not here', async () => {
    for (const hash of ['#lang=zh-Hant-HK', '#lesson=haircut&step=2', '#present', '#charts']) {
      const result = await decodeHash(hash);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.notice.allowed).toBe('a version marker such as v1. followed by the state');
    }
  });
});
