/**
 * The run's summary: the numbers the outcome card and the command line show (model.md, "Outputs").
 */
import { brokerExposure } from '../broker/index.ts';
import { PERSONAS, type PersonaName } from '../population/population.ts';
import { checksumHex } from './checksum.ts';
import { traderEquity } from './observe.ts';
import { VENUE, type RunState } from './run-state.ts';

export interface ClassOutcome {
  traders: number;
  /** Wealth at the start: cash plus pledged securities (USD). */
  deposits: number;
  /** Traders liquidated on a perpetual venue or force-sold by the broker at least once. */
  liquidated: number;
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
  liquidations: { count: number; notional: number; traders: number };
  adl: { count: number; notional: number };
  insuranceFund: { start: number; min: number; end: number };
  /** Σ over traders of what they owe beyond everything they put in (negative venue equity). */
  lossesBeyondDeposits: number;
  /** Client debt the broker's collateral no longer covers. */
  brokerShortfall: number;
  byClass: { retail: ClassOutcome; professional: ClassOutcome };
  /** max |traded − index| / index on the venue over the run. */
  maxPriceDislocation: number;
  /** Largest relative error of any conservation check over the run. */
  conservationError: number;
  checksum: string;
  refusedProducts: { perp: number; margin: number };
  /** The episode's venue failure (FTX): what the broker's clients lost, net of debt set off; null: none. */
  venueFailure: { minute: number; clientLoss: number } | null;
  /** What an affiliated market maker without safeguards gained by trading ahead of forced orders. */
  marketMakerGain: number;
  /** Where some traders were refused and traded offshore instead (leakage > 0). */
  offshore: ClassOutcome | null;
  personas: Record<PersonaName, PersonaOutcome>;
  events: number;
}

const VENUE_NAMES = ['none', 'onshore', 'offshore', 'broker'] as const;

export function summarize(run: RunState): RunSummary {
  const p = run.population;
  const emptyClass = (): ClassOutcome => ({ traders: 0, deposits: 0, liquidated: 0, pnl: 0 });
  const byClass = { retail: emptyClass(), professional: emptyClass() };
  const offshore = run.offshore ? emptyClass() : null;
  let lossesBeyondDeposits = 0;
  let liquidatedTraders = 0;
  const pnlOf = new Float64Array(p.count);
  for (let i = 0; i < p.count; i++) {
    const start = p.capital[i]! + p.securities[i]!;
    const equity = traderEquity(run, i);
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
    if (offshore && run.venueOf[i] === VENUE.offshore) {
      offshore.traders++;
      offshore.deposits += start;
      offshore.liquidated += run.liquidated[i]!;
      offshore.pnl += pnlOf[i]!;
    }
  }
  const markets = run.onshore.exchange.markets;
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
    liquidations: {
      count: run.tally.liquidations,
      notional: run.tally.liquidatedNotional,
      traders: liquidatedTraders,
    },
    adl: { count: run.tally.adlEvents, notional: run.tally.adlNotional },
    insuranceFund: {
      start: run.tally.insuranceFundStart,
      min: run.tally.insuranceFundMin,
      end: markets.BTC.insuranceFund + markets.ETH.insuranceFund,
    },
    lossesBeyondDeposits,
    brokerShortfall: brokerExposure(run.broker).unsecuredDebt,
    byClass,
    maxPriceDislocation: run.tally.maxDislocation,
    conservationError: run.tally.conservationError,
    checksum: checksumHex(run.checksum),
    refusedProducts,
    venueFailure:
      run.venueFailureMinute === null
        ? null
        : { minute: run.venueFailureMinute, clientLoss: run.tally.venueFailureClientLoss },
    marketMakerGain: run.onshore.impact.frontRunGain + run.spotImpact.frontRunGain,
    offshore,
    personas,
    events: run.tally.events,
  };
}
