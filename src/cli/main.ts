/**
 * Leverage Lab on the command line: `npx tsx src/cli/main.ts <command> [flags]`.
 * Prints one JSON object on stdout. On error prints one line `error: <message>` on stderr, never a stack
 * trace, and exits with code 2 for bad usage or invalid values, 1 for anything unexpected.
 */
import { runCli } from './dispatch.ts';
import { setCostNote } from './run-cost.ts';

// Before a run starts, not with its result: a long run says what it will cost at once.
setCostNote((line) => process.stderr.write(line));

const outcome = runCli(process.argv.slice(2));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
