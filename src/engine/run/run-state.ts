/**
 * The whole state of a run: prices, venues, the broker, the population and its progress, counters, the event
 * checksum and the frames. A plain object (typed arrays included): the step function changes it, nothing else.
 */
import { createBroker, type AssetPrices, type BrokerState } from '../broker/index.ts';
import { createImpactState, impactSeam, type ImpactState } from '../market/impact-seam.ts';
import type { MarketSeam } from '../perp/market-seam.ts';
import type { MarketQuote } from '../perp/step.ts';
import type { MarketId } from '../perp/market.ts';
import {
  BASE_LIQUIDITY,
  effectiveLiquidity,
  type LiquiditySettings,
  type MarketMakerSwitches,
} from '../market/liquidity.ts';
import { securitiesPath } from '../market/securities-path.ts';
import { createSpotImpactState, spotImpactSeam, type SpotImpactState } from '../market/spot-impact-seam.ts';
import type { ClientReactions, SpotSeam } from '../broker/index.ts';
import { createExchange, openAccount, type ExchangeState } from '../perp/exchange.ts';
import { drawPopulation, type Population } from '../population/population.ts';
import { regime as presetRegime } from '../regimes/catalogue.ts';
import type { Regime } from '../regimes/types.ts';
import { generateIndexPath } from '../scenarios/catalogue.ts';
import type { IndexPath } from '../scenarios/types.ts';
import { emptyChecksum, type Checksum } from './checksum.ts';
import { resolveRegime, validateRunConfig, type RunConfig } from './config.ts';
import { createFrameBuilder, type FrameBuilder } from './frames.ts';
import type { RunEvent, VenueName } from './run-events.ts';
import type { TraceRow } from './traces.ts';
import { ClassEquity } from './class-equity.ts';
import { ExitWatch } from './exit-watch.ts';
import { LiquidationWatch } from '../perp/liquidation-watch.ts';
import { MarginWatch } from '../broker/margin-watch.ts';
import { createTouched } from '../fast/touched.ts';

export const VENUE = { none: 0, onshore: 1, offshore: 2, broker: 3 } as const;
export const PHASE = { waiting: 0, open: 1, closed: 2 } as const;

export interface Venue {
  name: VenueName;
  regime: Regime;
  exchange: ExchangeState;
  impact: ImpactState;
  liquidity: LiquiditySettings;
  maker: MarketMakerSwitches;
  /** Trader id of each account (−1: the liquidity provider). */
  traderOf: number[];
  /** How orders and liquidations move this venue's prices (built once: it reads the objects above). */
  seam: MarketSeam;
  /** The step's quotes, rewritten each step rather than allocated (the exchange reads them at once). */
  quotes: Record<MarketId, MarketQuote>;
}

export interface Tally {
  liquidations: number;
  liquidatedNotional: number;
  adlEvents: number;
  adlNotional: number;
  insuranceFundStart: number;
  insuranceFundMin: number;
  maxDislocation: number;
  conservationError: number;
  /** Every event recorded, kept or not. */
  events: number;
  /** Events recorded but not kept (an event log of notable events only). */
  eventsOmitted: number;
  refusedProducts: { perp: number; margin: number };
  /** Traders liquidated or force-sold at least once so far, in the order they first were (frames count them). */
  liquidatedTraders: number[];
}

export interface RunState {
  config: RunConfig;
  regime: Regime;
  path: IndexPath;
  securities: Float64Array;
  population: Population;
  minute: number;
  onshore: Venue;
  offshore: Venue | null;
  broker: BrokerState;
  spotImpact: SpotImpactState;
  /** How spot orders and forced sales move the spot prices (built once: it reads spotImpact and the venue's liquidity). */
  spotSeam: SpotSeam;
  /** Margin-call reactions, built on the first step (they read the run). */
  reactions: ClientReactions | null;
  /** The broker's prices for the step, rewritten each step rather than allocated. */
  brokerPrices: AssetPrices;
  brokerTraderOf: number[];
  /** Per trader: VENUE code, account or client id, PHASE code, liquidated flag, reserve kept outside. */
  venueOf: Uint8Array;
  accountOf: Int32Array;
  phase: Uint8Array;
  liquidated: Uint8Array;
  reserve: Float64Array;
  /** Whether a margin client has already answered a call (it answers once). */
  reacted: Uint8Array;
  /** Trader ids sorted by entry minute, and how many have entered. */
  entryOrder: Uint32Array;
  entered: number;
  /** Open perpetual traders, checked for take-profit and stop-loss each step (insertion order: deterministic). */
  openPerps: Set<number>;
  /** Order in which traders joined openPerps (the reference engine's iteration order). */
  openSeq: Float64Array;
  nextSeq: number;
  /** The fast engine: its indices and schedules (null / empty under the reference engine). */
  fast: boolean;
  exitWatch: ExitWatch | null;
  perpExits: Map<number, number[]>;
  brokerExits: Map<number, number[]>;
  /** Traders whose position disappeared in the last step (liquidated or deleveraged in full). */
  vanished: Set<number>;
  classEquity: ClassEquity;
  tally: Tally;
  checksum: Checksum;
  events: RunEvent[];
  frames: FrameBuilder;
  /** Followed traders (personas first) and one trace row per frame for each. */
  followed: number[];
  traces: TraceRow[][];
  /** Per frame, the head of the BTC ADL queue on each side (trader ids, −1 for an empty place). */
  queues: { long: number[]; short: number[] }[];
  frameEvery: number;
  invariantEvery: number;
  /** Keep only notable events, at most NOTABLE_EVENT_LIMIT (config.eventLog). */
  notableOnly: boolean;
}

/** Venue capital and insurance funds scale with the simulated population (assumptions, doc/model.md). */
const PROVIDER_CASH_PER_DEPOSIT = 10;
const BROKER_CAPITAL_PER_DEPOSIT = 0.5;
/** A preset's insurance fund is read as its size per US$500m of trader deposits (an assumption). */
const FUND_REFERENCE_DEPOSITS = 5e8;

function createVenue(
  name: VenueName,
  regime: Regime,
  path: IndexPath,
  totalCapital: number,
  affiliated: boolean,
): Venue {
  const maker = {
    affiliated: affiliated && regime.marketMaker.affiliatedAllowed,
    safeguards: regime.marketMaker.safeguards,
  };
  const liquidity = effectiveLiquidity(BASE_LIQUIDITY, maker);
  const impact = createImpactState(liquidity.depthPerPercentPerDeposit * totalCapital);
  const rules = {
    ...regime.perp,
    insuranceFundStart: (regime.perp.insuranceFundStart * totalCapital) / FUND_REFERENCE_DEPOSITS,
  };
  const exchange = createExchange(rules, { BTC: path.btc[0]!, ETH: path.eth[0]! }, 60);
  openAccount(exchange, 'liquidity-provider', 'professional', totalCapital * PROVIDER_CASH_PER_DEPOSIT);
  return {
    name,
    regime,
    exchange,
    impact,
    liquidity,
    maker,
    traderOf: [-1],
    seam: impactSeam(impact, liquidity, maker),
    quotes: { BTC: { index: 0, traded: 0 }, ETH: { index: 0, traded: 0 } },
  };
}

export function createRun(config: RunConfig): RunState {
  validateRunConfig(config);
  const regime = resolveRegime(config);
  const path = generateIndexPath(config.scenario, {
    seed: config.seed,
    ...(config.days === undefined ? {} : { days: config.days }),
  });
  const minutes = path.minutes;
  const population = drawPopulation(config.population, config.seed, minutes);
  let totalCapital = 0;
  for (let i = 0; i < population.count; i++)
    totalCapital += population.capital[i]! + population.securities[i]!;
  const securities = securitiesPath(config.seed, minutes);
  const onshore = createVenue('onshore', regime, path, totalCapital, config.affiliatedMarketMaker);
  const offshore =
    config.population.leakage > 0 && regime.id !== 'offshore-cex'
      ? createVenue('offshore', presetRegime('offshore-cex'), path, totalCapital, false)
      : null;
  const prices = { BTC: path.btc[0]!, ETH: path.eth[0]!, 'other-crypto': 1, securities: securities[0]! };
  const providerCash = totalCapital * PROVIDER_CASH_PER_DEPOSIT;
  const broker = createBroker({
    rules: regime.financing,
    prices,
    brokerCapital: totalCapital * BROKER_CAPITAL_PER_DEPOSIT,
    liquidityProvider: {
      cash: providerCash,
      holdings: {
        BTC: providerCash / prices.BTC,
        ETH: providerCash / prices.ETH,
        'other-crypto': 0,
        securities: providerCash / prices.securities,
      },
    },
    spotFeeRate: regime.spot.takerFeeRate,
  });
  const spotLiquidity = onshore.liquidity;
  const spotImpact = createSpotImpactState(spotLiquidity.depthPerPercentPerDeposit * totalCapital);
  const fast = (config.engine ?? 'fast') === 'fast';
  if (fast) {
    onshore.exchange.watch = new LiquidationWatch(onshore.exchange);
    if (offshore) offshore.exchange.watch = new LiquidationWatch(offshore.exchange);
    broker.watch = new MarginWatch();
  }
  broker.touched = createTouched();
  onshore.exchange.touched = createTouched();
  if (offshore) offshore.exchange.touched = createTouched();
  const entryOrder = Uint32Array.from({ length: population.count }, (_, i) => i).sort(
    (a, b) => population.entryMinute[a]! - population.entryMinute[b]! || a - b,
  );
  const fund = onshore.exchange.markets.BTC.insuranceFund + onshore.exchange.markets.ETH.insuranceFund;
  const n = population.count;
  return {
    config,
    regime,
    path,
    securities,
    population,
    minute: 0,
    onshore,
    offshore,
    broker,
    spotImpact,
    spotSeam: spotImpactSeam(spotImpact, spotLiquidity, onshore.maker),
    reactions: null,
    brokerPrices: { ...prices },
    brokerTraderOf: [],
    venueOf: new Uint8Array(n),
    accountOf: new Int32Array(n).fill(-1),
    phase: new Uint8Array(n),
    liquidated: new Uint8Array(n),
    reserve: new Float64Array(n),
    reacted: new Uint8Array(n),
    entryOrder,
    entered: 0,
    openPerps: new Set(),
    openSeq: new Float64Array(n),
    nextSeq: 0,
    fast,
    exitWatch: fast ? new ExitWatch() : null,
    perpExits: new Map(),
    brokerExits: new Map(),
    vanished: new Set(),
    classEquity: new ClassEquity({ population }),
    tally: {
      liquidations: 0,
      liquidatedNotional: 0,
      adlEvents: 0,
      adlNotional: 0,
      insuranceFundStart: fund,
      insuranceFundMin: fund,
      maxDislocation: 0,
      conservationError: 0,
      events: 0,
      eventsOmitted: 0,
      refusedProducts: { perp: 0, margin: 0 },
      liquidatedTraders: [],
    },
    checksum: emptyChecksum(),
    events: [],
    frames: createFrameBuilder(),
    followed: [...new Set([0, 1, 2, ...(config.follow ?? [])])].filter((id) => id < n),
    traces: [],
    queues: [],
    // About 1,500 frames by default; a chosen interval was checked against MAX_FRAMES by validateRunConfig.
    frameEvery: config.frameEveryMinutes ?? Math.max(1, Math.ceil(minutes / 1500)),
    invariantEvery: config.invariantEvery ?? (n * minutes <= 5e6 ? 1 : 60),
    notableOnly: config.eventLog === 'notable',
  };
}
