/**
 * One trader's story in one run, read from what the engine reported (the trader's trace and facts): where they
 * traded, what the rules refused them, and how it ended. Nothing is recomputed here; the panels put these
 * facts into words from the catalogues.
 */
import type { MarketId } from '../../engine/perp/market.ts';
import { PERSONAS, type PersonaName } from '../../engine/population/population.ts';
import type { RunResult, TraderTrace } from '../../engine/run/run.ts';
import type { TraderFacts } from '../../engine/run/trader-facts.ts';

export type Venue = 'onshore' | 'offshore' | 'broker' | 'none';

export type Fate =
  'stayed-out' | 'liquidated' | 'partly-liquidated' | 'force-sold' | 'deleveraged' | 'closed' | 'open';

export interface TraderStory {
  trader: number;
  /** The frame-by-frame trace, and the facts the story is told from. */
  trace: TraderTrace;
  asset: MarketId;
  venue: Venue;
  /** The product the rules refused, and what the trader did instead. */
  refusal: TraderFacts['refusal'];
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

/**
 * The story from the trader's trace and its facts, which the worker always sends for a followed trader; never
 * from the run's event log, which in the app holds notable events only (no fills, spot trades or loans).
 */
export function storyOf(result: RunResult, trader: number): TraderStory {
  const trace = traceOf(result, trader);
  if (!trace) throw new Error(`trader ${trader} is not traced in this run: follow them first`);
  const facts = trace.facts;
  const persona = personaOf(trader);
  const venue: Venue = persona ? result.summary.personas[persona].venue : (facts.venue ?? 'none');
  const size = trace.columns.size;
  const endSize = size[size.length - 1] ?? 0;
  const story: TraderStory = {
    trader,
    trace,
    asset: facts.market,
    venue,
    refusal: facts.refusal,
    financed: facts.loans > 0,
    fate: 'open',
    fateMinute: null,
    fatePrice: null,
    fateLtv: null,
    pnl: facts.endWealth - facts.startWealth,
  };
  if (venue === 'none') return { ...story, fate: 'stayed-out' };
  const liquidation = facts.firstLiquidation;
  if (liquidation)
    return {
      ...story,
      fate: Math.abs(endSize) > 0 ? 'partly-liquidated' : 'liquidated',
      fateMinute: liquidation.minute,
      fatePrice: liquidation.mark,
    };
  const sale = facts.firstForcedSale;
  if (sale)
    return {
      ...story,
      fate: 'force-sold',
      fateMinute: sale.minute,
      fatePrice: sale.price,
      fateLtv: sale.ltvBefore,
    };
  const closedAt = facts.lastExitMinute;
  if (facts.firstDeleveragedMinute !== null && endSize === 0 && closedAt === null)
    return { ...story, fate: 'deleveraged', fateMinute: facts.firstDeleveragedMinute };
  if (endSize === 0 && closedAt !== null) return { ...story, fate: 'closed', fateMinute: closedAt };
  return story;
}

/** The mark price series of a market in the frames. */
export function markSeries(result: RunResult, asset: MarketId): Float64Array {
  return asset === 'ETH'
    ? result.frames.ethMark
    : asset === 'ALT'
      ? result.frames.altMark
      : result.frames.btcMark;
}
