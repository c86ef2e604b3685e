/**
 * The whole state of a run: prices, venues, the broker, the population and its progress, counters, the event
 * checksum and the frames. A plain object (typed arrays included): the step function changes it, nothing else.
 */
import { createBroker, type AssetPrices, type BrokerState } from '../broker/index.ts';
import { createImpactState, impactSeam, type ImpactState } from '../market/impact-seam.ts';
import type { MarketSeam } from '../perp/market-seam.ts';
import type { MarketQuote } from '../perp/step.ts';
import { MARKET_IDS, type MarketId, type MarketState } from '../perp/market.ts';
import type { IntraMinuteExtremes } from '../market/intra-minute.ts';
import { venueDepthMultiplier } from '../market/venue-depth.ts';
import {
  BASE_LIQUIDITY,
  effectiveLiquidity,
  type LiquiditySettings,
  type MarketMakerSwitches,
} from '../market/liquidity.ts';
import { createSpotImpactState, spotImpactSeam, type SpotImpactState } from '../market/spot-impact-seam.ts';
import type { ClientReactions, SpotSeam } from '../broker/index.ts';
import { createExchange, openAccount, type ExchangeState } from '../perp/exchange.ts';
import { listedMarkets } from '../perp/rules.ts';
import type { Population } from '../population/population.ts';
import { presetRules } from '../regimes/rules-catalogue.ts';
import type { RegimeRules } from '../regimes/types.ts';
import { scenarioInfo } from '../scenarios/catalogue.ts';
import type { IndexPath } from '../scenarios/types.ts';
import { drawVenueTokenHolders } from './venue-tokens.ts';
import { indexSeries, seedDraws } from './seed-setup.ts';
import { createVenueFeed, type VenueFeed } from './venue-feed.ts';
import { emptyChecksum, type Checksum } from './checksum.ts';
import { resolveRegime, validateRunConfig, type RunConfig } from './config.ts';
import { createFrameBuilder, type FrameBuilder } from './frames.ts';
import type { RunEvent, VenueName } from './run-events.ts';
import { createQueueBuilder, createTraceBuilder, type QueueBuilder, type TraceBuilder } from './traces.ts';
import { emptyFacts, type TraderFacts } from './trader-facts.ts';
import { ClassEquity } from './class-equity.ts';
import { createRunEngine, type RunEngine } from './run-engine.ts';
import { createTouched } from '../fast/touched.ts';
import { foldRoutineWhereBuilt } from './routine-fold.ts';
import { DOUBLE } from '../fast/double-fields.ts';
import { AssetNumbers } from '../market/asset-numbers.ts';
import type { EntrantRows } from './entrant-rows.ts';
import { createFigureTally, type FigureTally } from './outcome-figures.ts';

// Re-exported for the modules that already read the codes from here; class-equity.ts must not (import cycle).
export { PHASE, VENUE } from './trader-codes.ts';

export interface Venue {
  name: VenueName;
  regime: RegimeRules;
  exchange: ExchangeState;
  impact: ImpactState;
  liquidity: LiquiditySettings;
  maker: MarketMakerSwitches;
  /** Trader id of each account (−1: the liquidity provider). */
  traderOf: number[];
  /** How orders and liquidations move this venue's prices (built once: it reads the objects above). */
  seam: MarketSeam;
  /** The markets the venue lists (exchange.listed), by id: what its outcome figures count. */
  listedMarkets: Readonly<Record<string, MarketState>>;
  /** The step's quotes of the listed markets, rewritten each step rather than allocated (read at once). */
  quotes: Record<MarketId, MarketQuote>;
  /** What a step reads by listed market, resolved once (venue-feed.ts). */
  feed: VenueFeed;
}

export interface Tally {
  liquidations: number;
  liquidatedNotional: number;
  adlEvents: number;
  adlNotional: number;
  insuranceFundStart: number;
  conservationError: number;
  /** Every event recorded, kept or not. */
  events: number;
  /** Events recorded but not kept (an event log of notable events only). */
  eventsOmitted: number;
  /** Products refused at the door: perpetuals and margin financing by class, the ALT perpetual where unlisted. */
  refusedProducts: { perp: number; margin: number; altPerp: number };
  /** Traders liquidated or force-sold at least once so far, in the order they first were (frames count them). */
  liquidatedTraders: number[];
}

export interface RunState {
  config: RunConfig;
  regime: RegimeRules;
  path: IndexPath;
  /**
   * Each market's intra-minute low and high, drawn once from the seed (market/intra-minute.ts), for the markets
   * some venue of the run lists (the others are never quoted).
   */
  intraMinute: Partial<Record<MarketId, IntraMinuteExtremes>>;
  securities: Float64Array;
  /**
   * Venue price of the tokens posted as "other crypto" collateral (USDe and wBETH, $1 at the start), on the
   * run's own venue book: below reference in an episode's depeg window (scenarios/venue-collateral.ts).
   */
  venueCollateral: Float64Array;
  population: Population;
  /** 1: the trader, as a margin client, posts its deposit in venue-priced tokens (venue-tokens.ts). */
  venueTokenHolder: Uint8Array;
  /** 1: the trader wants the ALT perpetual rather than its drawn BTC or ETH one (alt-traders.ts). */
  wantsAlt: Uint8Array;
  /** Per perpetual trader: the market it trades (index into MARKET_IDS), settled when it enters. */
  perpMarket: Uint8Array;
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
  /** What entrants read of their draws, in entry order (entrant-rows.ts): from the first entry to the last. */
  entrants: EntrantRows | null;
  /** Per trader: 1 while it holds the perpetual position it opened (until it exits), else 0. */
  openPerps: Uint8Array;
  /** Order in which traders joined openPerps (the reference engine's iteration order). */
  openSeq: Float64Array;
  /** The trader of each place in that order (openSeq's inverse): a long list is sorted by place, not by trader. */
  traderBySeq: Int32Array;
  nextSeq: number;
  /** The fast or the reference engine (config.engine), with the fast engine's indices and schedules. */
  engine: RunEngine;
  /** The minute the broker fails (the scenario's venueFailureUtc), or null. */
  venueFailureMinute: number | null;
  classEquity: ClassEquity;
  tally: Tally;
  /** The outcome figures, by venue and market (outcome-figures.ts). */
  figures: FigureTally;
  checksum: Checksum;
  events: RunEvent[];
  frames: FrameBuilder;
  /** Followed traders (personas first) and one trace row per frame for each. */
  followed: number[];
  traces: TraceBuilder;
  /** Each followed trader's facts, gathered from every event whatever the event log keeps. */
  facts: Map<number, TraderFacts>;
  /** Per frame, the head of the BTC ADL queue on each side (trader ids, −1 for an empty place). */
  queues: QueueBuilder;
  frameEvery: number;
  /** config.summaryOnly: no frame is taken (nor the equity by class and touched lists kept for frames). */
  summaryOnly: boolean;
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
  regime: RegimeRules,
  path: IndexPath,
  totalCapital: number,
  affiliated: boolean,
  clockStartSecond: number,
  intraMinute: Partial<Record<MarketId, IntraMinuteExtremes>>,
): Venue {
  const maker = {
    affiliated: affiliated && regime.marketMaker.affiliatedAllowed,
    safeguards: regime.marketMaker.safeguards,
  };
  const liquidity = effectiveLiquidity(BASE_LIQUIDITY, maker, regime.extras.marketMakerSpreadBps);
  const depth = venueDepthMultiplier(regime.id, regime.basedOn);
  const impact = createImpactState(liquidity.depthPerPercentPerDeposit * depth * totalCapital);
  const rules = {
    ...regime.perp,
    insuranceFundStart: (regime.perp.insuranceFundStart * totalCapital) / FUND_REFERENCE_DEPOSITS,
  };
  const exchange = createExchange(rules, { BTC: path.btc[0]!, ETH: path.eth[0]!, ALT: path.alt[0]! }, 60, {
    sliceCoolDownSeconds: regime.extras.partialLiquidationCooldownSeconds,
    backstopShareOfMaintenance: regime.extras.backstopEquityShareOfMaintenance,
    fundShareOfOpenInterest: regime.extras.insuranceFundShareOfOpenInterest,
    clockStartSecond,
  });
  openAccount(exchange, 'liquidity-provider', 'professional', totalCapital * PROVIDER_CASH_PER_DEPOSIT);
  const quotes = Object.fromEntries(MARKET_IDS.map((id) => [id, { index: 0, traded: 0 }])) as Venue['quotes'];
  return {
    name,
    regime,
    exchange,
    impact,
    liquidity,
    maker,
    traderOf: [-1],
    seam: impactSeam(impact, liquidity, maker),
    listedMarkets: Object.fromEntries(exchange.listed.map((id) => [id, exchange.markets[id]])),
    quotes,
    feed: createVenueFeed(
      exchange.listed,
      (id) => indexSeries(path, id),
      intraMinute,
      exchange.markets,
      quotes,
      exchange,
    ),
  };
}

// Where a market's index series is, with the seed's draws (seed-setup.ts), re-exported for the run's readers.
export { indexSeries } from './seed-setup.ts';

/** Minutes past 00:00 UTC at a historical episode's start; synthetic scenarios start at 00:00. */
function startMinuteOfDay(startUtc: string | null): number {
  if (startUtc === null) return 0;
  const ms = Date.parse(startUtc);
  return Math.floor((ms % 86_400_000) / 60_000);
}

/** Minutes from the episode's start to its venue failure, or null (none, or none within the path). */
function venueFailureMinute(scenario: RunConfig['scenario']): number | null {
  const info = scenarioInfo(scenario);
  if (!info.venueFailureUtc || !info.startUtc) return null;
  return Math.round((Date.parse(info.venueFailureUtc) - Date.parse(info.startUtc)) / 60_000);
}

/**
 * Trader ids by entry minute, ties by id: a counting sort over the minutes, the same order a comparison sort by
 * (minute, id) gives, without 100,000 × log n calls of a comparator at every run's start (issue 16: a fresh
 * process pays createRun cold).
 */
export function entryOrderOf(entryMinute: Uint32Array): Uint32Array {
  const n = entryMinute.length;
  let last = 0;
  for (let i = 0; i < n; i++) if (entryMinute[i]! > last) last = entryMinute[i]!;
  // start[m]: how many traders enter before minute m, then the next free place of minute m.
  const start = new Uint32Array(last + 2);
  for (let i = 0; i < n; i++) start[entryMinute[i]! + 1]!++;
  for (let m = 1; m < start.length; m++) start[m]! += start[m - 1]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[start[entryMinute[i]!]!++] = i;
  return order;
}

export function createRun(config: RunConfig): RunState {
  validateRunConfig(config);
  const regime = resolveRegime(config);
  // The seed's draws (path, population, extremes …): shared with the runs that drew the same lately (seed-setup.ts).
  const offshoreRegime =
    config.population.leakage > 0 && regime.id !== 'offshore-cex' ? presetRules('offshore-cex') : null;
  // Drawn for the markets a venue lists only: ALT's draws have a stream of their own, so leaving them out
  // where no venue lists ALT leaves every other draw as it was.
  const quoted = new Set([
    ...listedMarkets(regime.perp),
    ...(offshoreRegime ? listedMarkets(offshoreRegime.perp) : []),
  ]);
  const { draws, intraMinute } = seedDraws(config, quoted);
  const { path, population, securities, venueCollateral, wantsAlt } = draws;
  const minutes = path.minutes;
  let totalCapital = 0;
  for (let i = 0; i < population.count; i++)
    totalCapital += population.capital[i]! + population.securities[i]!;
  // Funding settles on the venue's UTC clock: a historical episode starts at its own time, a synthetic one at 00:00.
  const startUtc = scenarioInfo(config.scenario).startUtc;
  const clock = startUtc === null ? 0 : (Date.parse(startUtc) / 1000) % 86_400;
  const onshore = createVenue(
    'onshore',
    regime,
    path,
    totalCapital,
    config.affiliatedMarketMaker,
    clock,
    intraMinute,
  );
  const offshore = offshoreRegime
    ? createVenue('offshore', offshoreRegime, path, totalCapital, false, clock, intraMinute)
    : null;
  const prices = {
    BTC: path.btc[0]!,
    ETH: path.eth[0]!,
    'other-crypto': venueCollateral[0]!,
    securities: securities[0]!,
  };
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
    startMinuteOfDay: startMinuteOfDay(scenarioInfo(config.scenario).startUtc),
    stopsAdvancesOnCall: regime.extras.financingStopsAdvancesOnCall,
  });
  const spotLiquidity = onshore.liquidity;
  const spotImpact = createSpotImpactState(spotLiquidity.depthPerPercentPerDeposit * totalCapital);
  const exchanges = offshore ? [onshore.exchange, offshore.exchange] : [onshore.exchange];
  const engine = createRunEngine(config, exchanges, broker);
  const summaryOnly = config.summaryOnly === true;
  // The touched lists are read at frames only (equity by class, the ADL board's kept figures, losses beyond
  // deposits): a summary-only run keeps none.
  if (!summaryOnly) {
    broker.touched = createTouched();
    onshore.exchange.touched = createTouched();
    if (offshore) offshore.exchange.touched = createTouched();
  }
  const entryOrder = entryOrderOf(population.entryMinute);
  const fund =
    onshore.exchange.markets.BTC.insuranceFund +
    onshore.exchange.markets.ETH.insuranceFund +
    onshore.exchange.markets.ALT.insuranceFund;
  const n = population.count;
  const followed = [...new Set([0, 1, 2, ...(config.follow ?? [])])].filter((id) => id < n);
  // About 1,500 frames by default; a chosen interval was checked against MAX_FRAMES by validateRunConfig.
  const frameEvery = config.frameEveryMinutes ?? Math.max(1, Math.ceil(minutes / 1500));
  // Frames at minute 0, every frameEvery minutes and at the end: the columns are allocated once, never grown.
  const frameCount = summaryOnly ? 0 : Math.ceil(minutes / frameEvery) + 1;
  const run: RunState = {
    config,
    regime,
    path,
    intraMinute,
    securities,
    venueCollateral,
    population,
    venueTokenHolder: drawVenueTokenHolders(regime, config.seed, population.count),
    wantsAlt,
    perpMarket: population.asset.slice(),
    minute: 0,
    onshore,
    offshore,
    broker,
    spotImpact,
    spotSeam: spotImpactSeam(spotImpact, spotLiquidity, onshore.maker),
    reactions: null,
    // Double fields (market/asset-numbers.ts): the step writes all four every minute, and a spread's copy stored
    // each as a new heap number.
    brokerPrices: AssetNumbers.copyOf(prices),
    brokerTraderOf: [],
    venueOf: new Uint8Array(n),
    accountOf: new Int32Array(n).fill(-1),
    phase: new Uint8Array(n),
    liquidated: new Uint8Array(n),
    reserve: new Float64Array(n),
    reacted: new Uint8Array(n),
    entryOrder,
    entered: 0,
    entrants: null,
    openPerps: new Uint8Array(n),
    openSeq: new Float64Array(n),
    traderBySeq: new Int32Array(n),
    nextSeq: 0,
    engine,
    venueFailureMinute: venueFailureMinute(config.scenario),
    classEquity: new ClassEquity({ population }, !summaryOnly),
    tally: createTally(fund),
    figures: createFigureTally(
      [onshore, offshore].flatMap((v) =>
        v ? [{ name: v.name, regime: v.regime, markets: v.listedMarkets }] : [],
      ),
    ),
    checksum: emptyChecksum(),
    events: [],
    frames: createFrameBuilder(frameCount),
    followed,
    traces: createTraceBuilder(followed.length, frameCount),
    facts: new Map(followed.map((trader) => [trader, emptyFacts(population, trader)])),
    queues: createQueueBuilder(frameCount),
    frameEvery,
    summaryOnly,
    // At the end only by default (issue 16: checks after every step cost a classroom run 10 times the
    // simulation); tests that watch every step ask for `invariantEvery: 1`.
    invariantEvery: config.invariantEvery ?? 0,
    notableOnly: config.eventLog === 'notable',
  };
  foldRoutineWhereBuilt(run);
  return run;
}

/**
 * The run's counters, the sums doubles from the start (fast/double-fields.ts): the first liquidation made
 * `liquidatedNotional` one and threw away the optimised recording of every event.
 */
function createTally(fund: number): Tally {
  const tally: Tally = {
    liquidations: 0,
    liquidatedNotional: DOUBLE,
    adlEvents: 0,
    adlNotional: DOUBLE,
    insuranceFundStart: DOUBLE,
    conservationError: DOUBLE,
    events: 0,
    eventsOmitted: 0,
    refusedProducts: { perp: 0, margin: 0, altPerp: 0 },
    liquidatedTraders: [],
  };
  tally.liquidatedNotional = 0;
  tally.adlNotional = 0;
  tally.insuranceFundStart = fund;
  tally.conservationError = 0;
  return tally;
}
