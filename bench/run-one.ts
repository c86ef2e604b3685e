/**
 * One benchmark run in its own process (so peak memory is its own): prints one JSON line with the wall time,
 * peak resident memory, event count and checksum.
 */
import { createRun } from '../src/engine/run/run-state.ts';
import { isFinished, stepRun } from '../src/engine/run/step-run.ts';
import { summarize } from '../src/engine/run/summary.ts';
import { DEFAULT_RUN } from '../src/engine/run/config.ts';

const [engine, tradersText, daysText] = process.argv.slice(2);
if ((engine !== 'fast' && engine !== 'reference') || !tradersText || !daysText) {
  console.error('usage: run-one.ts fast|reference TRADERS DAYS');
  process.exit(2);
}
const started = performance.now();
const run = createRun({
  ...DEFAULT_RUN,
  engine,
  scenario: 'synthetic-volatile',
  days: Number(daysText),
  regime: 'offshore-cex',
  seed: 2026,
  population: { ...DEFAULT_RUN.population, traders: Number(tradersText) },
  // Benchmarks time the engine: invariants are checked at the end only (tests check them every step).
  invariantEvery: 0,
});
while (!isFinished(run)) stepRun(run);
const summary = summarize(run);
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    engine,
    traders: Number(tradersText),
    days: Number(daysText),
    seconds,
    peakMemoryMB: process.resourceUsage().maxRSS / 1024,
    events: summary.events,
    eventsPerSecond: summary.events / seconds,
    checksum: summary.checksum,
    conservationError: summary.conservationError,
  }),
);
