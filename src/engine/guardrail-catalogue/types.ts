/** The guardrail catalogue's shape (catalogue-data.ts holds the entries). */
import type { PresetId } from '../regimes/types.ts';
import type { ScenarioId } from '../scenarios/types.ts';

/** A recorded run that shows a guardrail changing the outcome: the preset as it is against the preset with `set`. */
export interface Demonstration {
  scenario: ScenarioId;
  /** Synthetic scenarios only: the run's length in days. */
  days?: number;
  seed: number;
  traders: number;
  /** Only where the guardrail acts on an affiliated market maker (the run's switch, off by default). */
  affiliatedMarketMaker?: boolean;
  /** The one preset the guardrail is changed in. */
  regimes: readonly [PresetId];
  /** Guardrail paths and the values they are set to (as `--set KEY=VALUE` on the command line). */
  set: Readonly<Record<string, unknown>>;
}

export interface CatalogueEntry {
  /** Path into the rule set: a guardrail (`perp.maxLeverage`) or one field of it (`financing.collateral.BTC.haircut`). */
  key: string;
  /** What it is, in English (the app shows its own translated label). */
  title: string;
  /** false: the engine does not act on it yet, so the app shows it as "not simulated" and not editable. */
  simulated: boolean;
  demonstration: Demonstration;
}
