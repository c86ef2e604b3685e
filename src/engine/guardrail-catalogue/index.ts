/**
 * The guardrail catalogue: every guardrail the app shows, whether the engine simulates it, and the recorded
 * run that demonstrates it (catalogue-data.ts). Read by the command line (`guardrails`, `--set`) and by the
 * rule-set panel (a guardrail not simulated is shown as such and not editable).
 */
import { DEFAULT_POPULATION } from '../population/settings.ts';
import { REGIMES } from '../regimes/catalogue.ts';
import type { GuardrailKey } from '../regimes/guardrail-keys.ts';
import type { RunConfig } from '../run/config.ts';
import { GUARDRAIL_CATALOGUE } from './catalogue-data.ts';
import { overridesOf, settingPath } from './setting.ts';
import type { CatalogueEntry, Demonstration } from './types.ts';

export { GUARDRAIL_CATALOGUE } from './catalogue-data.ts';
export * from './setting.ts';
export type * from './types.ts';

/** The entry for a path, or undefined. */
export function catalogueEntry(key: string): CatalogueEntry | undefined {
  return GUARDRAIL_CATALOGUE.find((entry) => entry.key === key);
}

/** The catalogue's entries under one guardrail: the guardrail itself and its fields. */
export function entriesOf(guardrail: GuardrailKey): CatalogueEntry[] {
  return GUARDRAIL_CATALOGUE.filter((entry) => settingPath(entry.key).guardrail === guardrail);
}

/** Whether the app may let a user edit a path: simulated, or not in the catalogue at all (then its guardrail's). */
export function isSimulated(key: string): boolean {
  const entry = catalogueEntry(key);
  if (entry) return entry.simulated;
  const { guardrail, field } = settingPath(key);
  return field !== null ? isSimulated(guardrail) : entriesOf(guardrail).some((e) => e.simulated);
}

/** The two runs of a demonstration: the preset as it is, and the preset with the demonstration's settings. */
export function demonstrationConfigs(demo: Demonstration): { base: RunConfig; changed: RunConfig } {
  const regime = demo.regimes[0];
  const base: RunConfig = {
    scenario: demo.scenario,
    ...(demo.days === undefined ? {} : { days: demo.days }),
    regime,
    seed: demo.seed,
    population: { ...DEFAULT_POPULATION, traders: demo.traders },
    affiliatedMarketMaker: demo.affiliatedMarketMaker ?? false,
  };
  return { base, changed: { ...base, overrides: overridesOf(REGIMES[regime], demo.set) } };
}
