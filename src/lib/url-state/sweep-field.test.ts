/**
 * The sweep in the link (issue 20): an optional display field `sw` added within v1. A state with a sweep
 * round-trips; links without it (every link made before) read as before; a hostile or unusable `sw` is dropped
 * with a notice naming the field, the value and what is allowed, and the comparison is kept.
 */
import { describe, expect, it } from 'vitest';
import { decodeHash, encodeState } from './url-state.ts';
import { base64urlEncode, utf8Encode } from './transport.ts';
import { defaultSharedState, toCompact, type SharedState } from './shared-state.ts';
import { DEFAULT_SWEEP_SEEDS, type SweepChoice } from '../sweep-choice.ts';

const plain = (json: string) => `#v1.j${base64urlEncode(utf8Encode(json))}`;
const BASE = {
  sc: 'synthetic-calm',
  rs: [{ p: 'hk-sfc-2026' }, { p: 'offshore-cex' }],
  po: { n: 200, r: 0.7, l: 0, c: 'spot' },
  sd: 1,
  mm: false,
  lg: 'en',
};
const withSweep = (sw: unknown) => plain(JSON.stringify({ ...BASE, sw }));
const GOOD = {
  r: 1,
  g: 'financing.collateral.BTC.haircut',
  f: 0,
  t: 0.9,
  n: 10,
  s: 30,
  o: 'broker.forcedSales',
};

const CHOICE: SweepChoice = {
  ruleSet: 0,
  guardrail: 'perp.maxLeverage',
  from: 1,
  to: 19,
  steps: 7,
  seeds: 12,
  outcome: 'liquidations.traders',
};

/**
 * Frozen: a v1 link with a sweep, written by hand ({"sc":"2020-03-black-thursday", …, "sw":{"r":0,
 * "g":"financing.collateral.BTC.haircut","f":0,"t":0.9,"n":10,"s":30,"o":"broker.forcedSales"}}).
 */
const FROZEN =
  '#v1.jeyJzYyI6IjIwMjAtMDMtYmxhY2stdGh1cnNkYXkiLCJycyI6W3sicCI6ImhrLXNmYy0yMDI2In0seyJwIjoib2Zmc2hvcmUtY2V4In1dLCJwbyI6eyJuIjoxMDAsInIiOjAuNywibCI6MCwiYyI6InNwb3QifSwic2QiOjMsIm1tIjpmYWxzZSwibGciOiJlbiIsInN3Ijp7InIiOjAsImciOiJmaW5hbmNpbmcuY29sbGF0ZXJhbC5CVEMuaGFpcmN1dCIsImYiOjAsInQiOjAuOSwibiI6MTAsInMiOjMwLCJvIjoiYnJva2VyLmZvcmNlZFNhbGVzIn19';

describe('the sweep in the link', () => {
  it('opens a frozen link with a sweep', async () => {
    const result = await decodeHash(FROZEN);
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.state.scenario).toBe('2020-03-black-thursday');
    expect(result.state.sweep).toEqual({
      ruleSet: 0,
      guardrail: 'financing.collateral.BTC.haircut',
      from: 0,
      to: 0.9,
      steps: 10,
      seeds: 30,
      outcome: 'broker.forcedSales',
    });
  });

  it('round-trips a state with a sweep, and leaves it out when there is none', async () => {
    const state: SharedState = { ...defaultSharedState(), sweep: CHOICE };
    const result = await decodeHash(await encodeState(state));
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.state.sweep).toEqual(CHOICE);
    expect(result.notices).toEqual([]);
    expect(toCompact(defaultSharedState())).not.toHaveProperty('sw');
  });

  it('round-trips a maintenance-rate sweep with the table a clicked point put on rule set B', async () => {
    // As a point of an offshore sweep at 0.6% leaves rule set B: Binance's brackets at 1.5× (sweep.ts overridesAt).
    const tiers = [
      { floor: 0, mmr: 0.006 },
      { floor: 50_000, mmr: 0.0075 },
      { floor: 250_000, mmr: 0.015 },
      { floor: 1_000_000, mmr: 0.0375 },
      { floor: 10_000_000, mmr: 0.075 },
    ];
    const sweep: SweepChoice = {
      ruleSet: 1,
      guardrail: 'perp.maintenanceRate.BTC',
      from: 0.002,
      to: 0.0075,
      steps: 5,
      seeds: 30,
      outcome: 'insuranceFund.drawdown',
    };
    const defaults = defaultSharedState();
    const state: SharedState = {
      ...defaults,
      ruleSets: [defaults.ruleSets[0], { preset: 'offshore-cex', overrides: { 'perp.tiers.BTC': tiers } }],
      sweep,
    };
    const result = await decodeHash(await encodeState(state));
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.state.sweep).toEqual(sweep);
    expect(result.state.ruleSets[1].overrides).toEqual({ 'perp.tiers.BTC': tiers });
    expect(result.notices).toEqual([]);
  });

  it('reads a hand-written sw, with the seeds left out taking the default', async () => {
    const { s: _s, ...noSeeds } = GOOD;
    const result = await decodeHash(withSweep(noSeeds));
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.state.sweep).toEqual({
      ruleSet: 1,
      guardrail: 'financing.collateral.BTC.haircut',
      from: 0,
      to: 0.9,
      steps: 10,
      seeds: DEFAULT_SWEEP_SEEDS,
      outcome: 'broker.forcedSales',
    });
  });

  it('reads a link without sw as before: no sweep, no notice', async () => {
    const result = await decodeHash(plain(JSON.stringify(BASE)));
    if (!result.ok) throw new Error(result.notice.message);
    expect(result.state.sweep).toBeUndefined();
    expect(result.notices).toEqual([]);
  });

  it.each([
    ['not an object', '"x"', 'sweep'],
    ['a list', '[1,2]', 'sweep'],
    ['rule set C', { ...GOOD, r: 2 }, 'sweep, rule set'],
    ['a guardrail that is not one number', { ...GOOD, g: 'perp.tiers.BTC' }, 'sweep, guardrail'],
    ['a made-up guardrail', { ...GOOD, g: '__proto__' }, 'sweep, guardrail'],
    ['a script as outcome', { ...GOOD, o: '<script>alert(1)</script>' }, 'sweep, outcome'],
    ['text for a number', { ...GOOD, f: '0' }, 'sweep, from'],
    ['one value', { ...GOOD, n: 1 }, 'sweep, values'],
    ['a thousand values', { ...GOOD, n: 1000 }, 'sweep, values'],
    ['no seeds', { ...GOOD, s: 0 }, 'sweep, seeds'],
    ['a backwards range', { ...GOOD, f: 0.9, t: 0.1 }, 'sweep, to'],
    ['a haircut above 100%', { ...GOOD, t: 1.5 }, 'sweep, BTC haircut'],
    [
      'a maintenance rate the leverage cap forbids',
      { ...GOOD, r: 0, g: 'perp.maintenanceRate.BTC', f: 0.01, t: 0.12 },
      'sweep, BTC maintenance rate',
    ],
    [
      'a leverage cap the tiers forbid',
      { ...GOOD, r: 0, g: 'perp.maxLeverage', f: 1, t: 125 },
      'sweep, BTC maximum leverage',
    ],
  ])('drops %s with a notice and keeps the comparison', async (_, sw, field) => {
    const raw =
      typeof sw === 'string' ? plain(JSON.stringify(BASE).replace(/}$/, `,"sw":${sw}}`)) : withSweep(sw);
    const result = await decodeHash(raw);
    if (!result.ok) throw new Error(`refused the whole link: ${result.notice.message}`);
    expect(result.state.sweep).toBeUndefined();
    expect(result.state).toMatchObject({ scenario: 'synthetic-calm', seed: 1 });
    expect(result.notices).toHaveLength(1);
    const notice = result.notices[0]!;
    expect(notice.field).toBe(field);
    expect(notice.message).toMatch(/ must .+ \(got .+\)$/);
    expect(notice.value.length).toBeLessThanOrEqual(48);
  });

  it('refuses a prototype key inside sw as it does anywhere in a link', async () => {
    const result = await decodeHash(
      plain(JSON.stringify(BASE).replace(/}$/, `,"sw":{"__proto__":{"r":0}}}`)),
    );
    expect(result.ok).toBe(false);
  });
});
