/**
 * A followed trader's story as the app tells it (runs with the worker's settings: notable events only) against
 * an oracle computed here from the same run's full event log ('all'): the market, where they traded, what was
 * refused, whether they borrowed, and how it ended. Issue 17, item 5: with the story rebuilt from the notable
 * log, ETH traders showed as BTC, traders who traded as "stayed out", margin borrowers as "cash only".
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../engine/run/run.ts';
import type { RunConfig } from '../../engine/run/config.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';
import { DEFAULT_POPULATION } from '../../engine/population/settings.ts';
import { asWorkerRuns } from '../../../workers/run-settings.ts';
import { personaOf, storyOf, type TraderStory } from './trader-story.ts';

type Expected = Omit<TraderStory, 'trader' | 'trace'>;

/** The story as the full log tells it: written from the event types' meaning, not from the engine's facts. */
function fromFullLog(result: RunResult, trader: number, endSize: number, told: TraderStory): Expected {
  const mine = result.events.filter((e): e is RunEvent & { trader: number } => e.trader === trader);
  const refused = mine.find((e) => e.type === 'product-refused');
  const acted = mine.filter((e) => e.type !== 'product-refused');
  const persona = personaOf(trader);
  const venue = persona ? result.summary.personas[persona].venue : (acted[0]?.venue ?? 'none');
  // A sale of venue-priced tokens posted as collateral (other crypto) repays a loan: it is not the trader's market.
  const trades = mine.filter(
    (e): e is Extract<(typeof mine)[number], { type: 'fill' | 'spot-trade' }> =>
      e.type === 'fill' || (e.type === 'spot-trade' && e.asset !== 'other-crypto'),
  );
  const markets = new Set(trades.map((e) => (e.type === 'fill' ? e.market : e.asset)));
  expect(markets.size, `trader ${trader} trades one market`).toBeLessThanOrEqual(1);
  const liquidation = mine.find((e) => e.type === 'liquidation');
  const sale = mine.find((e) => e.type === 'forced-sale');
  const adl = mine.find((e) => e.type === 'adl');
  const closes = trades.filter((e) => (e.type === 'fill' ? e.sizeAfter === 0 : e.side === 'sell'));
  const closedAt = closes.length > 0 ? closes[closes.length - 1]!.step : null;
  const base: Expected = {
    // The log names no market for a trader who never traded: their wished-for market is taken as told.
    asset: ([...markets][0] as 'BTC' | 'ETH' | undefined) ?? told.asset,
    venue,
    refusal: refused ? { product: refused.product, substitute: refused.substitute } : null,
    financed: mine.some((e) => e.type === 'loan'),
    fate: 'open',
    fateMinute: null,
    fatePrice: null,
    fateLtv: null,
    pnl: 0,
  };
  if (venue === 'none') return { ...base, fate: 'stayed-out' };
  if (liquidation)
    return {
      ...base,
      fate: endSize !== 0 ? 'partly-liquidated' : 'liquidated',
      fateMinute: liquidation.step,
      fatePrice: liquidation.markPrice,
    };
  if (sale)
    return {
      ...base,
      fate: 'force-sold',
      fateMinute: sale.step,
      fatePrice: sale.price,
      fateLtv: sale.ltvBefore,
    };
  if (adl && endSize === 0 && closedAt === null)
    return { ...base, fate: 'deleveraged', fateMinute: adl.step };
  if (endSize === 0 && closedAt !== null) return { ...base, fate: 'closed', fateMinute: closedAt };
  return base;
}

const FOLLOWED = Array.from({ length: 60 }, (_, i) => i);
const CASES: { name: string; config: RunConfig }[] = [
  {
    name: 'the Oct 2025 crash, HK rules (refused perpetuals, spot and margin financing)',
    config: {
      scenario: '2025-10-tariff-crash',
      regime: 'hk-sfc-2026',
      seed: 7,
      population: { ...DEFAULT_POPULATION, traders: 60, leakage: 0.5 },
      affiliatedMarketMaker: false,
    },
  },
  {
    name: 'Black Thursday offshore (perpetuals, liquidations and ADL)',
    config: {
      scenario: '2020-03-black-thursday',
      regime: 'offshore-cex',
      seed: 11,
      population: { ...DEFAULT_POPULATION, traders: 60 },
      affiliatedMarketMaker: false,
    },
  },
  {
    name: 'a flash crash, HK securities-only rules, the refused staying out',
    config: {
      scenario: 'synthetic-flash-crash',
      regime: 'hk-sfc-2026-securities-only',
      seed: 3,
      population: { ...DEFAULT_POPULATION, traders: 60, refusedChoice: 'stay-out' },
      affiliatedMarketMaker: false,
    },
  },
];

describe("a followed trader's story, told from the worker's data", () => {
  const seen = { ETH: 0, financed: 0, refused: 0, liquidated: 0, forceSold: 0, stayedOut: 0, traded: 0 };

  it.each(CASES)('matches the full event log: $name', ({ config }) => {
    const follow = { ...config, follow: FOLLOWED };
    const app = runScenario(asWorkerRuns(follow));
    const full = runScenario({ ...follow, eventLog: 'all' });
    expect(app.eventsOmitted).toBeGreaterThan(0); // the app's log really lacks the routine events
    expect(app.summary.checksum).toBe(full.summary.checksum);
    for (const trader of FOLLOWED) {
      const story = storyOf(app, trader);
      const size = story.trace.columns.size;
      const expected = fromFullLog(full, trader, size[size.length - 1]!, story);
      const { trader: _t, trace: _tr, pnl, ...told } = story;
      const { pnl: _p, ...oracle } = expected;
      expect(told, `trader ${trader}`).toEqual(oracle);
      // Profit and loss: the run's own return on the wealth the trader started with.
      const p = app.summary.personas;
      const persona = personaOf(trader);
      if (persona) expect(pnl).toBeCloseTo(p[persona].pnl, 6);
      const start = story.trace.facts.startWealth;
      expect(pnl / start).toBeCloseTo(full.outcomes.returnOnWealth[trader]!, 9);
      if (story.asset === 'ETH') seen.ETH++;
      if (story.financed) seen.financed++;
      if (story.refusal) seen.refused++;
      if (story.fate === 'liquidated' || story.fate === 'partly-liquidated') seen.liquidated++;
      if (story.fate === 'force-sold') seen.forceSold++;
      if (story.fate === 'stayed-out') seen.stayedOut++;
      if (story.trace.facts.entries > 0) seen.traded++;
    }
  });

  it('covered every kind of story the bug got wrong', () => {
    expect(seen.ETH).toBeGreaterThan(0);
    expect(seen.financed).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.liquidated).toBeGreaterThan(0);
    expect(seen.stayedOut).toBeGreaterThan(0);
    expect(seen.traded).toBeGreaterThan(seen.stayedOut);
    console.info('followed-trader stories checked:', seen);
  });
});
