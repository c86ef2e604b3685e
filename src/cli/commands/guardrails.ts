/** `guardrails`: the guardrail catalogue — every guardrail the app shows, simulated or not, with its demonstration. */
import { allowOnly, type Flags } from '../args.ts';
import { GUARDRAIL_CATALOGUE, type CatalogueEntry } from '../../engine/guardrail-catalogue/index.ts';

export const usage = `guardrails
  Prints every guardrail the app shows as [{"key","title","simulated","demonstration"}]: its path for --set, and
  the run (scenario, seed, traders, one regime, the value set) in which it changes the outcome. A guardrail with
  "simulated": false changes nothing today; its demonstration is the run expected to show it once it does.`;

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS: readonly string[] = [];

export function run(flags: Flags): readonly CatalogueEntry[] {
  allowOnly(flags, FLAGS);
  return GUARDRAIL_CATALOGUE;
}
