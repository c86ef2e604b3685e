/**
 * One trader's story in one run, read from what the engine reported (traces, events, summary): where they
 * traded, what the rules refused them, and how it ended. Nothing is recomputed here; the panels put these
 * facts into words from the catalogues.
 */
import type { MarketId } from '../../engine/perp/market.ts';
import { PERSONAS, type PersonaName } from '../../engine/population/population.ts';
import type { RunResult, TraderTrace } from '../../engine/run/run.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';

export type Venue = 'onshore' | 'offshore' | 'broker' | 'none';

export type Fate =
  'stayed-out' | 'liquidated' | 'partly-liquidated' | 'force-sold' | 'deleveraged' | 'closed' | 'open';

export interface TraderStory {
  trader: number;
  /** The frame-by-frame trace, or null when this run did not trace the trader. */
  trace: TraderTrace | null;
  asset: MarketId;
  venue: Venue;
  /** The product the rules refused, and what the trader did instead. */
  refusal: { product: 'perp' | 'margin'; substitute: 'offshore' | 'spot' | 'stay-out' } | null;
  /** A broker client who borrowed (margin financing), rather than one buying with cash only. */
  financed: boolean;
  fate: Fate;
  /** Market minute of the event that decided the fate (null for open or stayed out). */
  fateMinute: number | null;
  /** The mark at a liquidation, or the average price of a forced sale. */
  fatePrice: number | null;
  /** LTV before a forced sale. */
  fateLtv: number | null;
  /** Wealth at the end minus wealth at the start (USD). */
  pnl: number;
}

export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[];

export function personaOf(trader: number): PersonaName | null {
  return PERSONA_NAMES.find((name) => PERSONAS[name] === trader) ?? null;
}

export function traceOf(result: RunResult, trader: number): TraderTrace | null {
  return result.traces.find((trace) => trace.trader === trader) ?? null;
}

function pnlOf(result: RunResult, trader: number, trace: TraderTrace | null): number {
  const persona = personaOf(trader);
  if (persona) return result.summary.personas[persona].pnl;
  const r = result.outcomes.returnOnWealth[trader] ?? 0;
  const equity = trace?.columns.equity;
  const end = equity?.[equity.length - 1] ?? 0;
  // returnOnWealth = (end − start) / start, so start = end / (1 + r); a total loss (r = −1) leaves the start
  // unknown from the end: the equity before entry stands in.
  const start = Math.abs(1 + r) > 1e-9 ? end / (1 + r) : (equity?.[0] ?? 0);
  return end - start;
}

export function storyOf(result: RunResult, trader: number): TraderStory {
  const trace = traceOf(result, trader);
  const mine = result.events.filter((e): e is RunEvent & { trader: number } => e.trader === trader);
  let asset: MarketId = 'BTC';
  let venue: Venue = 'none';
  let refusal: TraderStory['refusal'] = null;
  let financed = false;
  let liquidation: { minute: number; mark: number } | null = null;
  let forcedSale: { minute: number; price: number; ltv: number | null } | null = null;
  let deleveragedAt: number | null = null;
  let closedAt: number | null = null;
  for (const e of mine) {
    if (e.type === 'product-refused') {
      refusal ??= { product: e.product, substitute: e.substitute };
      continue;
    }
    if (venue === 'none') venue = e.venue;
    if (e.type === 'fill') {
      asset = e.market;
      if (e.sizeAfter === 0) closedAt = e.step;
    } else if (e.type === 'spot-trade') {
      asset = e.asset === 'ETH' ? 'ETH' : 'BTC';
      if (e.side === 'sell') closedAt = e.step;
    } else if (e.type === 'loan') financed = true;
    else if (e.type === 'liquidation') liquidation ??= { minute: e.step, mark: e.markPrice };
    else if (e.type === 'forced-sale') forcedSale ??= { minute: e.step, price: e.price, ltv: e.ltvBefore };
    else if (e.type === 'adl') deleveragedAt ??= e.step;
  }
  const persona = personaOf(trader);
  if (persona) venue = result.summary.personas[persona].venue;

  const size = trace?.columns.size;
  const endSize = size?.[size.length - 1] ?? 0;
  const story: TraderStory = {
    trader,
    trace,
    asset,
    venue,
    refusal,
    financed,
    fate: 'open',
    fateMinute: null,
    fatePrice: null,
    fateLtv: null,
    pnl: pnlOf(result, trader, trace),
  };
  if (venue === 'none') return { ...story, fate: 'stayed-out' };
  if (liquidation)
    return {
      ...story,
      fate: Math.abs(endSize) > 0 ? 'partly-liquidated' : 'liquidated',
      fateMinute: liquidation.minute,
      fatePrice: liquidation.mark,
    };
  if (forcedSale)
    return {
      ...story,
      fate: 'force-sold',
      fateMinute: forcedSale.minute,
      fatePrice: forcedSale.price,
      fateLtv: forcedSale.ltv,
    };
  if (deleveragedAt !== null && endSize === 0 && closedAt === null)
    return { ...story, fate: 'deleveraged', fateMinute: deleveragedAt };
  if (endSize === 0 && closedAt !== null) return { ...story, fate: 'closed', fateMinute: closedAt };
  return story;
}

/** The mark price series of a market in the frames. */
export function markSeries(result: RunResult, asset: MarketId): Float64Array {
  return asset === 'ETH' ? result.frames.ethMark : result.frames.btcMark;
}
