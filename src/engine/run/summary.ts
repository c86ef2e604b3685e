/**
 * The run's summary: the numbers the outcome card, the lessons, the embeddable figure and the command line show
 * (model.md, "Outputs"). Each figure is defined once, in outcome-figures.ts (venue and market figures) or here
 * (figures about traders); every surface reads it from here.
 */
import { brokerExposure } from '../broker/index.ts';
import { PERSONAS, type PersonaName } from '../population/population.ts';
import { checksumHex } from './checksum.ts';
import { everyTraderEquityInto } from './observe.ts';
import { VENUE, type RunState } from './run-state.ts';
import {
  runFigures,
  venueFigures,
  type AdlFigures,
  type BrokerFigures,
  type FundFigures,
  type FundingFigures,
  type LiquidationFigures,
  type MarketFigures,
  type VenueFigures,
} from './outcome-figures.ts';

export interface ClassOutcome {
  traders: number;
  /** Wealth at the start: cash plus pledged securities (USD). */
  deposits: number;
  /** Traders liquidated on a perpetual venue or force-sold by the broker at least once. */
  liquidated: number;
  /** Σ (wealth at the end − wealth at the start). */
  pnl: number;
  /** What the class lost together: −pnl, a net gain counting as no loss (the outcome card's "losses" row). */
  loss: number;
}

/** Traders by the product they ended up trading (a refused perpetual trader who went offshore counts as perp). */
export interface ProductOutcome {
  traders: number;
  deposits: number;
  /** Σ (wealth at the end − wealth at the start). */
  pnl: number;
}

export interface PersonaOutcome {
  venue: 'onshore' | 'offshore' | 'broker' | 'none';
  liquidated: boolean;
  pnl: number;
}

export interface RunSummary {
  scenario: string;
  regime: string;
  seed: number;
  traders: number;
  steps: number;
  /**
   * Liquidations on the run's perpetual venues (its own and, with leakage, the offshore one): count = events
   * (each partial slice once), traders = distinct traders liquidated. Broker forced sales are in `broker`.
   */
  liquidations: LiquidationFigures;
  /** Traders liquidated on a perpetual venue or force-sold by the broker at least once (the outcome card's row). */
  tradersForcedOut: number;
  adl: AdlFigures;
  /** The run's insurance funds together; a CFD provider's capital is not one (cfdProviderCapital). */
  insuranceFund: FundFigures;
  /** The ESMA preset's loss buffer: the CFD provider's own capital (null under every other rule set). */
  cfdProviderCapital: FundFigures | null;
  funding: FundingFigures;
  broker: BrokerFigures;
  byProduct: { spot: ProductOutcome; margin: ProductOutcome; perp: ProductOutcome };
  /** Per market, all perpetual venues together. */
  markets: Record<string, MarketFigures>;
  /** Per perpetual venue: the rule set's own (onshore) and, with leakage, the offshore venue. */
  venues: { onshore: VenueFigures; offshore?: VenueFigures };
  /**
   * The episode's venue failure (FTX): the minute it failed (null: no failure in this scenario) and what the
   * broker's clients lost, net of the debt set off against their claim (0 where none failed or nothing was re-used).
   */
  venueFailure: { minute: number | null; clientLoss: number };
  /** Σ over traders of what they owe beyond everything they put in (negative venue equity). */
  lossesBeyondDeposits: number;
  /** Client debt the broker's collateral no longer covers. */
  brokerShortfall: number;
  byClass: { retail: ClassOutcome; professional: ClassOutcome };
  /** max |traded − index| / index on any of the run's perpetual venues, any market, any minute. */
  maxPriceDislocation: number;
  /** Where and when that largest dislocation happened. */
  maxPriceDislocationAt: { venue: 'onshore' | 'offshore'; market: string; minute: number };
  /** Largest relative error of any conservation check over the run. */
  conservationError: number;
  checksum: string;
  /**
   * Traders refused at the door: perpetuals and margin financing by investor class; the ALT perpetual where
   * the venue lists BTC and ETH only (they trade BTC or ETH instead, or go offshore).
   */
  refusedProducts: { perp: number; margin: number; altPerp: number };
  /** What an affiliated market maker without safeguards gained by trading ahead of forced orders. */
  marketMakerGain: number;
  /** Where some traders were refused and traded offshore instead (leakage > 0). */
  offshore: ClassOutcome | null;
  personas: Record<PersonaName, PersonaOutcome>;
  events: number;
}

const VENUE_NAMES = ['none', 'onshore', 'offshore', 'broker'] as const;

/**
 * The run's summary. `pnlOf`, when given (one slot a trader), receives each trader's wealth at the end minus
 * at the start, so the result's returns need no second pass over every trader's account (resultOf).
 */
export function summarize(run: RunState, pnlOf = new Float64Array(run.population.count)): RunSummary {
  const p = run.population;
  const emptyClass = (): ClassOutcome => ({ traders: 0, deposits: 0, liquidated: 0, pnl: 0, loss: 0 });
  const byClass = { retail: emptyClass(), professional: emptyClass() };
  const offshore = run.offshore ? emptyClass() : null;
  const emptyProduct = (): ProductOutcome => ({ traders: 0, deposits: 0, pnl: 0 });
  const byProduct = { spot: emptyProduct(), margin: emptyProduct(), perp: emptyProduct() };
  let lossesBeyondDeposits = 0;
  let liquidatedTraders = 0;
  everyTraderEquityInto(run, pnlOf); // each trader's equity, turned into its pnl below
  for (let i = 0; i < p.count; i++) {
    const start = p.capital[i]! + p.securities[i]!;
    const equity = pnlOf[i]!;
    pnlOf[i] = equity - start;
    const outcome = p.professional[i] ? byClass.professional : byClass.retail;
    outcome.traders++;
    outcome.deposits += start;
    outcome.liquidated += run.liquidated[i]!;
    outcome.pnl += pnlOf[i]!;
    liquidatedTraders += run.liquidated[i]!;
    // Below a billionth of what the trader brought, a negative balance is float dust, not a debt.
    const venueEquity = equity - run.reserve[i]!;
    if (venueEquity < -1e-9 * start) lossesBeyondDeposits -= venueEquity;
    const product = productOf(run, i, byProduct);
    if (product) {
      product.traders++;
      product.deposits += start;
      product.pnl += pnlOf[i]!;
    }
    if (offshore && run.venueOf[i] === VENUE.offshore) {
      offshore.traders++;
      offshore.deposits += start;
      offshore.liquidated += run.liquidated[i]!;
      offshore.pnl += pnlOf[i]!;
    }
  }
  for (const outcome of [byClass.retail, byClass.professional, ...(offshore ? [offshore] : [])])
    outcome.loss = Math.max(0, -outcome.pnl);
  const onshoreFigures = venueFigures(run.figures, 'onshore', run.onshore.listedMarkets)!;
  const offshoreFigures = run.offshore
    ? venueFigures(run.figures, 'offshore', run.offshore.listedMarkets)
    : null;
  const venues = offshoreFigures
    ? { onshore: onshoreFigures, offshore: offshoreFigures }
    : { onshore: onshoreFigures };
  const figures = runFigures(run.figures, [
    { name: 'onshore', figures: onshoreFigures },
    ...(offshoreFigures ? [{ name: 'offshore' as const, figures: offshoreFigures }] : []),
  ]);
  const brokerShortfall = brokerExposure(run.broker).unsecuredDebt;
  const { venue, market, minute } = figures.maxPriceDislocation;
  const refusedProducts = { ...run.tally.refusedProducts };
  const personas = {} as Record<PersonaName, PersonaOutcome>;
  for (const [name, i] of Object.entries(PERSONAS) as [PersonaName, number][])
    personas[name] = {
      venue: VENUE_NAMES[run.venueOf[i]!]!,
      liquidated: run.liquidated[i] === 1,
      pnl: pnlOf[i]!,
    };
  return {
    scenario: run.config.scenario,
    regime: run.regime.id,
    seed: run.config.seed,
    traders: p.count,
    steps: run.minute,
    liquidations: figures.liquidations,
    tradersForcedOut: liquidatedTraders,
    adl: figures.adl,
    insuranceFund: figures.insuranceFund,
    cfdProviderCapital: figures.cfdProviderCapital,
    funding: figures.funding,
    broker: { ...figures.broker, shortfall: brokerShortfall },
    byProduct,
    markets: figures.markets,
    venues,
    venueFailure: { minute: run.venueFailureMinute, clientLoss: figures.venueFailure.clientLoss },
    lossesBeyondDeposits,
    brokerShortfall,
    byClass,
    maxPriceDislocation: figures.maxPriceDislocation.value,
    maxPriceDislocationAt: { venue, market, minute },
    conservationError: run.tally.conservationError,
    checksum: checksumHex(run.checksum),
    refusedProducts,
    marketMakerGain: run.onshore.impact.frontRunGain + run.spotImpact.frontRunGain,
    offshore,
    personas,
    events: run.tally.events,
  };
}

/**
 * The outcome of the product a trader ended up trading, or null for one who stayed out (or never entered): the
 * object itself, not its name (a look-up by a computed name three times a trader, 100,000 traders at the end
 * of a large run).
 */
function productOf(run: RunState, i: number, byProduct: RunSummary['byProduct']): ProductOutcome | null {
  const venue = run.venueOf[i];
  if (venue === VENUE.onshore || venue === VENUE.offshore) return byProduct.perp;
  if (venue === VENUE.broker)
    return run.broker.clients[run.accountOf[i]!]!.financing ? byProduct.margin : byProduct.spot;
  return null;
}
