/**
 * Hashes of everything a run produces, to show that a change to the engine left every figure's bits as they
 * were (the bench's checksum covers events only): every scenario × preset (300 traders, leakage on a third, the
 * affiliated market maker on half, two followed traders, invariants every 7 steps), its full result as the
 * page's worker runs it (frames, traces, ADL queue heads, events, outcomes, summary) and its summary-only
 * summary (`asSummaryRun`); with `--large`, the bench's 10,000 × 7 d and 100,000 × 30 d results too. Numbers are
 * written exactly (−0 and non-finite values spelled out), typed arrays by their bytes.
 *
 *   node scripts/run-bundled.mjs bench/figure-hashes.ts [--engine fast|reference] [--large]
 *
 * Run it at two commits (say `git worktree add /tmp/base <commit>`) and compare the outputs line by line.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_RUN, ENGINES, type RunConfig } from '../src/engine/run/config.ts';
import { runScenario } from '../src/engine/run/run.ts';
import { createRun } from '../src/engine/run/run-state.ts';
import { isFinished, stepRun } from '../src/engine/run/step-run.ts';
import { summarize } from '../src/engine/run/summary.ts';
import { PRESET_IDS } from '../src/engine/regimes/types.ts';
import { SCENARIO_IDS, scenarioInfo } from '../src/engine/scenarios/catalogue.ts';
import { asSummaryRun, asWorkerRuns } from '../workers/run-settings.ts';
import { BENCH_ROWS } from './rows.ts';

const args = process.argv.slice(2);
const engineAt = args.indexOf('--engine');
const engine = (engineAt >= 0 ? args[engineAt + 1] : 'fast') as NonNullable<RunConfig['engine']>;
if (!ENGINES.includes(engine)) {
  console.error('usage: figure-hashes [--engine fast|reference] [--large]');
  process.exit(2);
}

function exact(_key: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    if (!Number.isFinite(value)) return String(value);
    return value;
  }
  if (ArrayBuffer.isView(value))
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value];
  return value;
}

const hash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value, exact)).digest('hex').slice(0, 16);

const all = createHash('sha256');
let configs = 0;
for (const scenario of SCENARIO_IDS) {
  const synthetic = scenarioInfo(scenario).kind === 'synthetic';
  for (const [r, regime] of PRESET_IDS.entries()) {
    const config: RunConfig = {
      ...DEFAULT_RUN,
      scenario,
      regime,
      ...(synthetic ? { days: 1 } : {}),
      seed: 11 + r,
      affiliatedMarketMaker: r % 2 === 1,
      population: {
        ...DEFAULT_RUN.population,
        traders: 300,
        leakage: r % 3 === 0 ? 0.3 : 0,
        refusedChoice: r % 2 ? 'stay-out' : 'spot',
      },
      follow: [5, 17],
      engine,
    };
    const full = hash(runScenario({ ...asWorkerRuns(config), invariantEvery: 7 }));
    const run = createRun(asSummaryRun(config));
    while (!isFinished(run)) stepRun(run);
    const summary = hash(summarize(run));
    all.update(full + summary);
    configs++;
    console.log(scenario, regime, full, summary);
  }
}
console.log(`all ${configs} configs (${engine})`, all.digest('hex').slice(0, 16));

if (args.includes('--large'))
  for (const row of ['10k-7d', '100k-30d'])
    console.log(row, hash(runScenario({ ...BENCH_ROWS[row]!.configs[0]!, engine })));
