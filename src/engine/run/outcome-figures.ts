/**
 * The outcome figures of a run, each defined once, here: what it counts, on which venue and market. The run
 * folds every event into a FigureTally as it records it (record.ts) and reads the venues' prices and funds each
 * minute (step-run.ts), so the figures are the same whether the run keeps all its events or only the notable
 * ones. summary.ts turns the tally into the summary the outcome card, the lessons, the embeddable figure and
 * the command line read.
 *
 * Scopes (issue 15, defect 7): a perpetual venue's figures count that venue only; the run's figures add up its
 * perpetual venues (the rule set's own venue, "onshore", and the offshore venue that refused traders went to).
 * A liquidation count is events (each partial slice is one), `traders` is distinct traders. The broker's margin
 * calls and forced sales are the broker's own figures, never counted as liquidations.
 */
import type { RunEvent, VenueName } from './run-events.ts';
import type { RegimeRules } from '../regimes/types.ts';

export interface LiquidationFigures {
  /** Liquidation events: every partial slice counts once. */
  count: number;
  /** Σ closed size × mark price at the liquidation (USD). */
  notional: number;
  /** Distinct traders liquidated at least once. */
  traders: number;
  longNotional: number;
  shortNotional: number;
}

export interface AdlFigures {
  /** Auto-deleveraging events (one per counterparty closed). */
  count: number;
  /** Σ size closed × ADL price (USD). */
  notional: number;
}

export interface FundingFigures {
  /** Lowest and highest rate settled (per interval; positive: longs pay shorts); 0 when none was settled. */
  minRate: number;
  maxRate: number;
  /** Funding that changed hands: Σ |what longs paid shorts| over settlements (USD). */
  paid: number;
  /** Σ what longs paid shorts (negative: shorts paid longs on balance). */
  paidByLongs: number;
  settlements: number;
}

export interface Dislocation {
  /** Largest |traded − index| / index. */
  value: number;
  /** The minute it happened (0 when the price never left the index). */
  minute: number;
}

export interface MarketFigures {
  liquidations: LiquidationFigures;
  adl: AdlFigures;
  funding: FundingFigures;
  maxPriceDislocation: Dislocation;
}

export interface FundFigures {
  start: number;
  min: number;
  end: number;
  /**
   * Σ paid out of the fund to cover bankruptcies ('insurance-draw' events). A fund that is paid in as open
   * interest grows (Hong Kong's, step.ts) can be drawn without `min` ever falling below its start.
   */
  drawn: number;
  /**
   * How far the fund fell below its start at its lowest: start − min (≥ 0; the outcome card's "fund drawdown"
   * row). A fund paid in as it is drawn can be `drawn` without any drawdown.
   */
  drawdown: number;
}

/** A fund's figures with its drawdown (start − min), the one place the drawdown is computed. */
function fundFigures(start: number, min: number, end: number, drawn: number): FundFigures {
  return { start, min, end, drawn, drawdown: start - min };
}

/**
 * What absorbs losses beyond a trader's margin on a venue: its insurance fund, or (the ESMA retail preset, a
 * CFD provider that is every client's counterparty) the provider's own capital, which is not an insurance fund
 * and is never added to one.
 */
export type LossBuffer = 'insurance-fund' | 'cfd-provider-capital';

export interface VenueFigures {
  liquidations: LiquidationFigures;
  adl: AdlFigures;
  funding: FundingFigures;
  maxPriceDislocation: Dislocation & { market: string };
  lossBuffer: LossBuffer;
  /** The venue's insurance fund (or the CFD provider's capital, as lossBuffer says), all markets together. */
  fund: FundFigures;
  /** Per market (BTC, ETH, and any other the venue lists). */
  markets: Record<string, MarketFigures>;
}

export interface BrokerFigures {
  /** Margin-call events (a call that stays open is one call). */
  marginCalls: number;
  /** Distinct clients called at least once. */
  clientsCalled: number;
  /** Forced-sale events. */
  forcedSales: number;
  /** Distinct clients force-sold at least once. */
  clientsForceSold: number;
  /** Client debt the broker's collateral no longer covers at the end (USD). */
  shortfall: number;
}

/** Running state the run folds into. */
export interface FigureTally {
  venues: Partial<Record<VenueName, VenueTally>>;
  broker: { marginCalls: number; forcedSales: number; called: Set<number>; forceSold: Set<number> };
  /** Traders liquidated on any perpetual venue. */
  liquidatedTraders: Set<number>;
  /** Σ of the run's insurance funds (CFD provider capital left out) each minute: its lowest. */
  fundMin: number;
  /** Clients' losses in a venue failure (the part of their assets the venue re-used). */
  venueFailureLoss: number;
}

interface MarketTally {
  liquidations: LiquidationFigures;
  traders: Set<number>;
  adl: AdlFigures;
  funding: FundingFigures;
  dislocation: Dislocation;
}

interface VenueTally {
  lossBuffer: LossBuffer;
  fundStart: number;
  fundMin: number;
  fundDrawn: number;
  traders: Set<number>;
  markets: Record<string, MarketTally>;
  /** `markets` in the order of the list last observed (`listedFor`), resolved once (observeMinute). */
  listed: (MarketTally | undefined)[];
  listedFor: ListedMarkets | null;
}

/** What a venue's prices and funds look like to the tally: each market's traded, index and fund. */
export type VenueMarkets = Readonly<
  Record<string, { tradedPrice: number; indexPrice: number; insuranceFund: number }>
>;

/** The ESMA retail preset models a CFD provider: its "insurance fund" is the provider's capital (see the preset). */
export function lossBufferOf(regime: Pick<RegimeRules, 'id' | 'basedOn'>): LossBuffer {
  return (regime.basedOn ?? regime.id) === 'eu-esma-retail' ? 'cfd-provider-capital' : 'insurance-fund';
}

const emptyLiquidations = (): LiquidationFigures => ({
  count: 0,
  notional: 0,
  traders: 0,
  longNotional: 0,
  shortNotional: 0,
});
const emptyFunding = (): FundingFigures => ({
  minRate: 0,
  maxRate: 0,
  paid: 0,
  paidByLongs: 0,
  settlements: 0,
});

function fundOf(markets: VenueMarkets): number {
  let fund = 0;
  for (const id in markets) fund += markets[id]!.insuranceFund;
  return fund;
}

/**
 * A venue's listed markets as a step reads them every minute: in a list, in the order the venue lists them
 * (the order of its VenueMarkets record, so sums keep their bits); a for…in over the record each minute cost
 * more than the figures it kept.
 */
export type ListedMarkets = readonly {
  readonly id: string;
  readonly tradedPrice: number;
  readonly indexPrice: number;
  readonly insuranceFund: number;
}[];

export function createFigureTally(
  venues: readonly { name: VenueName; regime: RegimeRules; markets: VenueMarkets }[],
): FigureTally {
  const tally: FigureTally = {
    venues: {},
    broker: { marginCalls: 0, forcedSales: 0, called: new Set(), forceSold: new Set() },
    liquidatedTraders: new Set(),
    fundMin: 0,
    venueFailureLoss: 0,
  };
  for (const { name, regime, markets } of venues) {
    const fund = fundOf(markets);
    const perMarket: Record<string, MarketTally> = {};
    for (const market of Object.keys(markets))
      perMarket[market] = {
        liquidations: emptyLiquidations(),
        traders: new Set(),
        adl: { count: 0, notional: 0 },
        funding: emptyFunding(),
        dislocation: { value: 0, minute: 0 },
      };
    const lossBuffer = lossBufferOf(regime);
    tally.venues[name] = {
      lossBuffer,
      fundStart: fund,
      fundMin: fund,
      fundDrawn: 0,
      traders: new Set(),
      markets: perMarket,
      listed: [],
      listedFor: null,
    };
    if (lossBuffer === 'insurance-fund') tally.fundMin += fund;
  }
  return tally;
}

function marketTally(tally: FigureTally, venue: VenueName, market: string): MarketTally | undefined {
  return tally.venues[venue]?.markets[market];
}

/** Folds one recorded event into the tally. */
export function foldFigure(tally: FigureTally, e: RunEvent): void {
  switch (e.type) {
    case 'liquidation': {
      const m = marketTally(tally, e.venue, e.market);
      if (!m) return;
      const notional = e.qty * e.markPrice;
      m.liquidations.count++;
      m.liquidations.notional += notional;
      if (e.side === 'long') m.liquidations.longNotional += notional;
      else m.liquidations.shortNotional += notional;
      if (e.trader !== null && e.trader >= 0) {
        m.traders.add(e.trader);
        tally.venues[e.venue]!.traders.add(e.trader);
        tally.liquidatedTraders.add(e.trader);
      }
      return;
    }
    case 'insurance-draw': {
      const v = tally.venues[e.venue];
      if (v) v.fundDrawn += e.amount;
      return;
    }
    case 'adl': {
      const m = marketTally(tally, e.venue, e.market);
      if (!m) return;
      m.adl.count++;
      m.adl.notional += e.qty * e.price;
      return;
    }
    case 'funding': {
      const m = marketTally(tally, e.venue, e.market);
      if (!m) return;
      const f = m.funding;
      f.minRate = f.settlements === 0 ? e.rate : Math.min(f.minRate, e.rate);
      f.maxRate = f.settlements === 0 ? e.rate : Math.max(f.maxRate, e.rate);
      f.settlements++;
      f.paid += Math.abs(e.paidByLongs);
      f.paidByLongs += e.paidByLongs;
      return;
    }
    case 'margin-call':
      tally.broker.marginCalls++;
      if (e.trader !== null) tally.broker.called.add(e.trader);
      return;
    case 'forced-sale':
      tally.broker.forcedSales++;
      if (e.trader !== null) tally.broker.forceSold.add(e.trader);
      return;
    case 'broker-failure-loss':
      tally.venueFailureLoss += e.netLoss;
      return;
  }
}

/**
 * The minute's prices and funds, read after every venue's minute: each listed market's largest dislocation,
 * each venue's lowest fund and the run's lowest fund total. One pass a venue: its fund is summed once for its
 * own minimum and the total (the same sum, so the same bits), and its markets' tallies are resolved once, in
 * the order of its list (a look-up by market name each market and minute cost more than the figures it kept).
 */
export function observeMinute(
  tally: FigureTally,
  onshore: ListedMarkets,
  offshore: ListedMarkets | null,
  minute: number,
): void {
  let total = 0;
  const on = tally.venues.onshore;
  if (on) {
    observeVenue(on, onshore, minute);
    if (on.lossBuffer === 'insurance-fund') total += venueFund[0]!;
  }
  const off = tally.venues.offshore;
  if (offshore && off) {
    observeVenue(off, offshore, minute);
    if (off.lossBuffer === 'insurance-fund') total += venueFund[0]!;
  }
  tally.fundMin = Math.min(tally.fundMin, total);
}

/**
 * The fund observeVenue last summed, handed back in a typed array rather than returned: a number returned from
 * a call the compiler did not inline is a new heap number, a venue a minute (issue 16).
 */
const venueFund = new Float64Array(1);

/** One venue's dislocations and lowest fund this minute; its fund now (its markets' funds added in list order) into `venueFund`. */
function observeVenue(v: VenueTally, markets: ListedMarkets, minute: number): void {
  if (v.listedFor !== markets) resolveListed(v, markets);
  const listed = v.listed;
  let fund = 0;
  for (let k = 0; k < markets.length; k++) {
    const market = markets[k]!;
    fund += market.insuranceFund;
    const m = listed[k];
    if (!m) continue;
    const dislocation = Math.abs(market.tradedPrice - market.indexPrice) / market.indexPrice;
    if (dislocation > m.dislocation.value) {
      m.dislocation.value = dislocation;
      m.dislocation.minute = minute;
    }
  }
  v.fundMin = Math.min(v.fundMin, fund);
  venueFund[0] = fund;
}

/**
 * `v.listed` for `markets`, in their order. Apart from observeVenue: a closure over its parameter there made
 * its context on every call, every minute, though the list is resolved once (issue 16).
 */
function resolveListed(v: VenueTally, markets: ListedMarkets): void {
  v.listed = markets.map((market) => v.markets[market.id]);
  v.listedFor = markets;
}

function addLiquidations(into: LiquidationFigures, from: LiquidationFigures): void {
  into.count += from.count;
  into.notional += from.notional;
  into.longNotional += from.longNotional;
  into.shortNotional += from.shortNotional;
}

function addFunding(into: FundingFigures, from: FundingFigures): void {
  if (from.settlements > 0) {
    into.minRate = into.settlements === 0 ? from.minRate : Math.min(into.minRate, from.minRate);
    into.maxRate = into.settlements === 0 ? from.maxRate : Math.max(into.maxRate, from.maxRate);
  }
  into.settlements += from.settlements;
  into.paid += from.paid;
  into.paidByLongs += from.paidByLongs;
}

function marketFigures(m: MarketTally): MarketFigures {
  return {
    liquidations: { ...m.liquidations, traders: m.traders.size },
    adl: { ...m.adl },
    funding: { ...m.funding },
    maxPriceDislocation: { ...m.dislocation },
  };
}

/** One venue's figures; `markets` are the venue's markets now (for the fund at the end). */
export function venueFigures(
  tally: FigureTally,
  venue: VenueName,
  markets: VenueMarkets,
): VenueFigures | null {
  const v = tally.venues[venue];
  if (!v) return null;
  const liquidations = emptyLiquidations();
  const adl = { count: 0, notional: 0 };
  const funding = emptyFunding();
  const worst = { value: 0, minute: 0, market: Object.keys(v.markets)[0] ?? '' };
  const perMarket: Record<string, MarketFigures> = {};
  for (const [id, m] of Object.entries(v.markets)) {
    const figures = (perMarket[id] = marketFigures(m));
    addLiquidations(liquidations, figures.liquidations);
    adl.count += m.adl.count;
    adl.notional += m.adl.notional;
    addFunding(funding, m.funding);
    if (m.dislocation.value > worst.value) Object.assign(worst, m.dislocation, { market: id });
  }
  liquidations.traders = v.traders.size;
  return {
    liquidations,
    adl,
    funding,
    maxPriceDislocation: worst,
    lossBuffer: v.lossBuffer,
    fund: fundFigures(v.fundStart, v.fundMin, fundOf(markets), v.fundDrawn),
    markets: perMarket,
  };
}

export interface RunFigures {
  liquidations: LiquidationFigures;
  adl: AdlFigures;
  funding: FundingFigures;
  /** The run's insurance funds together; a CFD provider's capital is left out (see cfdProviderCapital). */
  insuranceFund: FundFigures;
  /** The ESMA preset's CFD provider capital, or null where no venue is a CFD provider. */
  cfdProviderCapital: FundFigures | null;
  maxPriceDislocation: Dislocation & { market: string; venue: VenueName };
  /** Per market, all the run's perpetual venues together (liquidation traders: distinct over venues). */
  markets: Record<string, MarketFigures>;
  broker: Omit<BrokerFigures, 'shortfall'>;
  venueFailure: { clientLoss: number };
}

/** The run's figures from its venues' figures (onshore first). */
export function runFigures(
  tally: FigureTally,
  venues: readonly { name: VenueName; figures: VenueFigures }[],
): RunFigures {
  const liquidations = emptyLiquidations();
  const adl = { count: 0, notional: 0 };
  const funding = emptyFunding();
  const fund = { start: 0, end: 0, drawn: 0 };
  let cfdProviderCapital: FundFigures | null = null;
  let worst: RunFigures['maxPriceDislocation'] = { value: 0, minute: 0, market: '', venue: 'onshore' };
  const markets: Record<string, MarketFigures> = {};
  const marketTraders: Record<string, Set<number>> = {};
  for (const { name, figures } of venues) {
    addLiquidations(liquidations, figures.liquidations);
    adl.count += figures.adl.count;
    adl.notional += figures.adl.notional;
    addFunding(funding, figures.funding);
    if (figures.lossBuffer === 'insurance-fund') {
      fund.start += figures.fund.start;
      fund.end += figures.fund.end;
      fund.drawn += figures.fund.drawn;
    } else cfdProviderCapital = { ...figures.fund };
    if (worst.market === '' || figures.maxPriceDislocation.value > worst.value)
      worst = { ...figures.maxPriceDislocation, venue: name };
    for (const [id, m] of Object.entries(figures.markets)) {
      const into = (markets[id] ??= {
        liquidations: emptyLiquidations(),
        adl: { count: 0, notional: 0 },
        funding: emptyFunding(),
        maxPriceDislocation: { value: 0, minute: 0 },
      });
      addLiquidations(into.liquidations, m.liquidations);
      into.adl.count += m.adl.count;
      into.adl.notional += m.adl.notional;
      addFunding(into.funding, m.funding);
      if (m.maxPriceDislocation.value > into.maxPriceDislocation.value)
        into.maxPriceDislocation = { ...m.maxPriceDislocation };
      const traders = (marketTraders[id] ??= new Set());
      for (const t of tally.venues[name]!.markets[id]!.traders) traders.add(t);
      into.liquidations.traders = traders.size;
    }
  }
  liquidations.traders = tally.liquidatedTraders.size;
  const insuranceFund = fundFigures(fund.start, tally.fundMin, fund.end, fund.drawn);
  return {
    liquidations,
    adl,
    funding,
    insuranceFund,
    cfdProviderCapital,
    maxPriceDislocation: worst,
    markets,
    broker: {
      marginCalls: tally.broker.marginCalls,
      clientsCalled: tally.broker.called.size,
      forcedSales: tally.broker.forcedSales,
      clientsForceSold: tally.broker.forceSold.size,
    },
    venueFailure: { clientLoss: tally.venueFailureLoss },
  };
}
