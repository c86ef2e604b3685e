/**
 * The worker's entry points receive whatever the page (or anything that can post to the worker) sends. Each
 * checks its arguments with the validation layer: a malformed message is refused with a Refusal that names the
 * argument, never a TypeError from inside the engine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { engineApi, MAX_COMPARED } from '../../workers/engine-api.ts';
import { EVENT_BATCH, type EventBatch } from '../../workers/run-jobs.ts';
import { DEFAULT_RUN, type RunConfig } from '../engine/run/config.ts';
import { Refusal, isRefusal } from '../engine/validation/index.ts';

/** A config that runs in a few milliseconds. */
const TINY: RunConfig = {
  ...DEFAULT_RUN,
  scenario: 'synthetic-calm',
  days: 0.25,
  population: { ...DEFAULT_RUN.population, traders: 3 },
};

const REFUSAL_MESSAGE = /^.+ must .+ \(got .+\)$/s;

/** The refusal `act` throws or rejects with. */
async function refusalOf(act: () => unknown): Promise<Refusal> {
  try {
    await act();
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Refusal).message).toMatch(REFUSAL_MESSAGE);
    return error as Refusal;
  }
  throw new Error('expected a refusal');
}

const call =
  (name: string, ...args: unknown[]) =>
  () =>
    (engineApi as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);

describe('worker messages', () => {
  it('refuse a malformed job id, config list or listener, naming the argument', async () => {
    expect((await refusalOf(call('compare', -1, [TINY]))).field).toBe('job');
    expect((await refusalOf(call('compare', '7', [TINY]))).field).toBe('job');
    expect((await refusalOf(call('compare', 1, TINY))).field).toBe('run configurations');
    expect((await refusalOf(call('compare', 1, []))).field).toBe('run configurations');
    const many = Array.from({ length: MAX_COMPARED + 1 }, () => TINY);
    expect((await refusalOf(call('compare', 1, many))).field).toBe('run configurations');
    expect((await refusalOf(call('compare', 1, [TINY], 42))).field).toBe('listener');
    expect((await refusalOf(call('summary', 1.5, TINY))).field).toBe('job');
    expect((await refusalOf(call('cancel', null))).field).toBe('job');
  });

  it('check every config through validateRunConfig, naming the run', async () => {
    const second = await refusalOf(call('compare', 1, [TINY, { ...TINY, seed: 'x' }]));
    expect(second.message).toBe('run 2, seed must be a whole number ≥ 0 (got "x")');
    const population = await refusalOf(call('summary', 1, { ...TINY, population: null }));
    expect(population.field).toBe('population');
    const scenario = await refusalOf(call('summary', 1, { ...TINY, scenario: '<b>x</b>' }));
    expect(scenario.field).toBe('scenario');
    const follow = await refusalOf(call('summary', 1, { ...TINY, follow: [-1] }));
    expect(follow.field).toBe('followed traders');
    const engine = await refusalOf(call('summary', 1, { ...TINY, engine: 'turbo' }));
    expect(engine.message).toBe('engine must be fast or reference (got "turbo")');
    const flag = await refusalOf(call('summary', 1, { ...TINY, affiliatedMarketMaker: 'yes' }));
    expect(flag.field).toBe('affiliated market maker');
  });

  it('refuse overrides of the wrong shape before the engine reads them', async () => {
    const overrides: unknown[] = [
      'x',
      [1, 2],
      { 'perp.leverage': 5 },
      { 'perp.tiers.BTC': 'x' },
      { 'perp.tiers.BTC': [null] },
      { 'perp.marginModes': null },
      { 'perp.partialLiquidation': 5 },
      { 'financing.collateral.BTC': null },
      { 'extras.maxLeverageByMarket': null },
      { 'extras.maxLeverageByMarket': { SOL: 3 } },
      { 'extras.marketMakerSpreadBps': null },
      { 'perp.funding.cap': '0.01' },
      { 'perp.eligibleClasses': 'retail' },
    ];
    for (const value of overrides) {
      const refusal = await refusalOf(call('summary', 1, { ...TINY, overrides: value }));
      expect(refusal.field).not.toBe('');
    }
  });

  it('refuse malformed calculator queries', async () => {
    const quote = {
      ruleSet: 'offshore-cex',
      asset: 'BTC',
      side: 'long',
      qty: 1,
      entryPrice: 50_000,
      leverage: 10,
      marginMode: 'isolated',
      holdingHours: 24,
      fundingRatePer8h: 0.0001,
    };
    expect(() => engineApi.positionQuote(quote as never)).not.toThrow();
    expect((await refusalOf(call('positionQuote', null))).field).toBe('position query');
    expect((await refusalOf(call('positionQuote', { ...quote, ruleSet: 'x' }))).field).toBe('regime');
    expect((await refusalOf(call('positionQuote', { ...quote, asset: 'SOL' }))).field).toBe(
      'market under Offshore CEX',
    );
    expect((await refusalOf(call('positionQuote', { ...quote, leverage: 500 }))).message).toMatch(
      /^leverage under .+ must be between 1 and 125 \(got 500\)$/,
    );
    expect(
      (await refusalOf(call('positionQuote', { ...quote, marginMode: 'cross', walletBalance: 1 }))).field,
    ).toBe('wallet balance');
  });

  it('run a well-formed comparison', async () => {
    const results = await engineApi.compare(1, [TINY, { ...TINY, regime: 'offshore-cex' }]);
    expect(results.map((r) => r.summary.traders)).toEqual([3, 3]);
  });

  it('stream a comparison’s events in awaited batches of EVENT_BATCH, in order, when asked', async () => {
    const configs: RunConfig[] = [
      { ...TINY, population: { ...TINY.population, traders: 5_000 } },
      { ...TINY, population: { ...TINY.population, traders: 5_000 }, regime: 'offshore-cex' },
    ];
    const whole = await engineApi.compare(2, configs);
    const batches: EventBatch[] = [];
    let pending = 0;
    const streamed = await engineApi.compare(3, configs, {
      events: async (batch) => {
        expect(pending).toBe(0); // the worker waits for each batch before sending the next
        pending++;
        await new Promise((resolve) => setTimeout(resolve, 1));
        batches.push(batch);
        pending--;
      },
    });
    for (const [k, result] of streamed.entries()) {
      expect(result.events).toEqual([]);
      const mine = batches.filter((b) => b.run === k);
      expect(mine.every((b) => b.job === 3 && b.events.length <= EVENT_BATCH)).toBe(true);
      expect(mine.flatMap((b) => b.events)).toEqual(whole[k]!.events);
      expect(result.summary).toEqual(whole[k]!.summary);
    }
    // Rule set A's run is large enough to need several batches (the HK rules refuse thousands of orders).
    expect(whole[0]!.events.length).toBeGreaterThan(EVENT_BATCH);
  });

  it('answer any message with a result or a Refusal, never another error', async () => {
    const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, maxDepth: 2 });
    const field = fc.constantFrom(
      ...(Object.keys(TINY) as (keyof RunConfig)[]),
      'overrides',
      'follow',
      'engine',
    );
    await fc.assert(
      fc.asyncProperty(field, anything, async (key, value) => {
        try {
          // Cancelled before it starts: a config that happens to be valid stops after its first slice.
          engineApi.cancel(99);
          await engineApi.summary(99, { ...TINY, [key]: value } as RunConfig);
        } catch (error) {
          if (isRefusal(error)) expect(error.message).toMatch(REFUSAL_MESSAGE);
          else expect((error as Error).name).toBe('CancelledError');
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(anything, anything, (a, b) => {
        for (const act of [() => engineApi.positionQuote(a as never), () => engineApi.cancel(b as never)])
          try {
            act();
          } catch (error) {
            expect(error).toBeInstanceOf(Refusal);
          }
      }),
      { numRuns: 300 },
    );
  });
});
