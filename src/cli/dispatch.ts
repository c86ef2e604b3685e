/**
 * The command line's dispatcher, apart from the process so that tests can call it thousands of times:
 * `runCli(argv)` never throws; it returns the exit code and what to print.
 */
import { parseFlags, UsageError, type Flags } from './args.ts';
import { isRefusal } from '../engine/validation/index.ts';
import * as adlRank from './commands/adl-rank.ts';
import * as compare from './commands/compare.ts';
import * as list from './commands/list.ts';
import * as runCommand from './commands/run.ts';
import * as scenario from './commands/scenario.ts';
import * as funding from './commands/funding.ts';
import * as marginLoan from './commands/margin-loan.ts';
import * as position from './commands/position.ts';
import * as guardrails from './commands/guardrails.ts';
import * as sweep from './commands/sweep.ts';

interface Command {
  usage: string;
  /** The flags the command accepts (its `allowOnly` list). */
  FLAGS: readonly string[];
  run(flags: Flags): object;
}

/** Every command by name; exported so that the fuzzer reads each command's own flag list. */
export const COMMANDS: Record<string, Command> = {
  position,
  funding,
  'adl-rank': adlRank,
  'margin-loan': marginLoan,
  list,
  scenario,
  run: runCommand,
  compare,
  sweep,
  guardrails,
};

const USAGE = `usage: npx tsx src/cli/main.ts <command> [flags]    (npm run cli -- <command> [flags])

${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n\n')}
`;

export interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

export function runCli(argv: readonly string[]): Outcome {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help')
    return { exitCode: 0, stdout: USAGE, stderr: '' };
  if (name === undefined) return { exitCode: 2, stdout: '', stderr: `error: no command given\n\n${USAGE}` };
  try {
    // Own properties only: "toString" or "__proto__" must not reach Object.prototype.
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined)
      throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    if (rest.includes('--help')) return { exitCode: 0, stdout: `usage: ${command.usage}\n`, stderr: '' };
    const result = command.run(parseFlags(rest));
    return { exitCode: 0, stdout: `${JSON.stringify(result)}\n`, stderr: '' };
  } catch (e) {
    // A Refusal (a flag's value, or one the engine refused) names the field, the value and what is allowed;
    // a plain RangeError from the engine is still the caller's input. Only these exit with 2.
    const badInput = e instanceof UsageError || isRefusal(e) || e instanceof RangeError;
    const message = e instanceof Error ? e.message : String(e);
    return { exitCode: badInput ? 2 : 1, stdout: '', stderr: `error: ${oneLine(message)}\n` };
  }
}
