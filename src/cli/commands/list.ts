/** `list`: the scenarios and regimes the other commands accept. */
import { allowOnly, type Flags } from '../args.ts';
import { regimeListForCli } from './list-regimes.ts';
import { scenarioList } from './list-scenarios.ts';

export const usage = `list
  The scenario and regime ids the other commands accept, with their titles.`;

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS: readonly string[] = [];

export function run(flags: Flags) {
  allowOnly(flags, FLAGS);
  return { scenarios: scenarioList(), regimes: regimeListForCli() };
}
