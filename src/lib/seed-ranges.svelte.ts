/**
 * The comparison judged over seeds, not one (issue 16): rule sets A and B run again on seeds seed … seed+29,
 * each seed with the same traders and prices for both (common random numbers), in the worker pool, summaries
 * only. Every figure's median and 10th–90th percentile range comes from `acrossSeeds` (as `acrossFigures`:
 * each run's figures read once, as it arrives), the same statistics and the same seeds as `cli compare
 * --seeds 30`, over the seeds finished so far, so the ranges fill in as the seeds come back.
 */
import type { Spread } from '../engine/run/across-seeds.ts';
import type { RunConfig } from '../engine/run/config.ts';
import type { RunSummary } from '../engine/run/summary.ts';
import type { EngineCalls } from './engine-client.svelte.ts';
import { COSTLY_RUN_SECONDS, estimateRunCost } from '../engine/validation/run-cost.ts';
import { poolSize } from './worker-pool.ts';

/** Seeds per comparison: enough for a 10th–90th percentile range that does not jump from run to run. */
export const SEED_COUNT = 30;

/** Least time between two redraws of the ranges while the seeds come back. */
const REFRESH_MILLISECONDS = 150;

export type FigureSpreads = Record<string, Spread & { runs: number }>;

/**
 * The runs of a comparison over `count` seeds, in the command line's order (seed by seed, A then B): the
 * configs as the comparison ran them with the seed advanced. Followed traders are dropped: a summary-only run
 * traces nobody, and following does not change a summary.
 */
export function seedConfigs(configs: readonly RunConfig[], count = SEED_COUNT): RunConfig[] {
  const runs: RunConfig[] = [];
  for (let k = 0; k < count; k++)
    for (const config of configs) runs.push({ ...config, follow: [], seed: config.seed + k });
  return runs;
}

export class SeedRanges {
  /** The view is on: each new comparison is run over the seeds too, until it is turned off. */
  on = $state(false);
  running = $state(false);
  /** Seeds finished for both rule sets, of `total`. */
  done = $state(0);
  total = $state(SEED_COUNT);
  /** The configs (as compared, seed included) the ranges are for; JSON, compared with the shown results'. */
  key = $state<string | null>(null);
  /** The first and last seed. */
  seeds = $state.raw<[number, number] | null>(null);
  /** Per rule set, every figure's spread over the seeds finished so far; null before the first. */
  spreads = $state.raw<[FigureSpreads, FigureSpreads] | null>(null);
  /** Per rule set, the summaries of the seeds finished so far, in seed order (for a row made of two figures). */
  summaries = $state.raw<[RunSummary[], RunSummary[]]>([[], []]);
  /** Stopped by the user before every seed was run: the ranges are over `done` seeds. */
  stopped = $state(false);
  error = $state<string | null>(null);
  /** Milliseconds from the start to the last seed's ranges (null while running or stopped). */
  elapsed = $state<number | null>(null);
  /**
   * Seeds that would take longer than COSTLY_RUN_SECONDS (issue 19: a large population) wait here for the
   * user's say-so, with the estimate in seconds; null otherwise.
   */
  costly = $state<number | null>(null);
  /** Counts finished comparisons over all seeds (the announcer says each). */
  finished = $state(0);

  readonly #engine: EngineCalls;
  #generation = 0;

  constructor(engine: EngineCalls) {
    this.#engine = engine;
  }

  /** Whether this engine offers a pool to run the seeds in. */
  get available(): boolean {
    return typeof this.#engine.sweepEach === 'function';
  }

  /** Whether the ranges shown belong to `configs` (the comparison on screen). */
  isFor(configs: readonly RunConfig[] | null): boolean {
    return configs !== null && this.key === JSON.stringify(configs);
  }

  /** Turns the view on and runs `configs` over the seeds; a run in flight is cancelled. */
  async start(configs: readonly RunConfig[], options: { confirmed?: boolean } = {}): Promise<void> {
    const sweepEach = this.#engine.sweepEach?.bind(this.#engine);
    if (!sweepEach) return;
    this.#engine.cancelSweep?.();
    const generation = ++this.#generation;
    const began = performance.now();
    const regimes = configs.length;
    const runs = seedConfigs(configs);
    // Summary-only runs, spread over the pool's workers.
    const seconds = estimateRunCost(runs, { summaryOnly: true }).seconds / poolSize();
    this.costly = !options.confirmed && seconds > COSTLY_RUN_SECONDS ? seconds : null;
    if (this.costly !== null) {
      this.on = true;
      this.running = false;
      this.spreads = null;
      this.key = JSON.stringify(configs);
      return;
    }
    const summaries: (RunSummary | undefined)[] = new Array(runs.length);
    /** Each run's figures, read once as it comes back (`acrossFigures` = `acrossSeeds` over these). */
    const figures: Record<string, number>[] = new Array(runs.length);
    this.on = true;
    this.running = true;
    this.stopped = false;
    this.error = null;
    this.elapsed = null;
    this.done = 0;
    this.total = SEED_COUNT;
    this.key = JSON.stringify(configs);
    this.seeds = [configs[0]!.seed, configs[0]!.seed + SEED_COUNT - 1];
    this.spreads = null;
    this.summaries = [[], []];
    // Loaded on the first click: the statistics are not part of the app's first download (its size budget).
    const [{ acrossFigures }, { summaryFigures }] = await Promise.all([
      import('../engine/run/across-seeds.ts'),
      import('../engine/run/figure-paths.ts'),
    ]);
    if (generation !== this.#generation) return;
    // The seeds whose runs are all back, in seed order up to the first gap: the ranges so far are over
    // seeds seed … seed+done−1, a prefix of the command line's seeds.
    const refresh = async () => {
      const seedBack = (k: number) => runs.every((_, i) => Math.floor(i / regimes) !== k || summaries[i]);
      let complete = this.done;
      while (complete < SEED_COUNT && seedBack(complete)) complete++;
      if (complete === this.done) return;
      const ofRuleSet = <T>(list: T[], r: number) =>
        list.slice(0, complete * regimes).filter((_, k) => k % regimes === r);
      const [a, b] = [ofRuleSet(summaries, 0) as RunSummary[], ofRuleSet(summaries, 1) as RunSummary[]];
      const spreadsA = acrossFigures(ofRuleSet(figures, 0));
      // B's statistics in a task of their own: the page's thread is never held long (issue 16: no task
      // over 50 ms while results arrive).
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (generation !== this.#generation || complete <= this.done) return;
      const spreadsB = acrossFigures(ofRuleSet(figures, 1));
      this.done = complete;
      this.summaries = [a, b];
      this.spreads = [spreadsA, spreadsB];
    };
    // The ranges are redrawn at most every REFRESH_MILLISECONDS while seeds come back (each redraw takes the
    // statistics over every seed so far, and lays the table out again), and once at the end.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      timer ??= setTimeout(() => {
        timer = null;
        if (generation === this.#generation) void refresh();
      }, REFRESH_MILLISECONDS);
    };
    try {
      await sweepEach(
        runs,
        {
          result: (index, summary) => {
            if (generation !== this.#generation) return;
            summaries[index] = summary;
            figures[index] = summaryFigures(summary);
            later();
          },
        },
        // A seed's rule sets on one worker, one after the other: they share the seed's draws there.
        { group: regimes },
      );
      if (timer !== null) clearTimeout(timer);
      if (generation !== this.#generation) return;
      await refresh();
      if (generation !== this.#generation) return;
      this.elapsed = performance.now() - began;
      this.finished++;
    } catch (error) {
      if (timer !== null) clearTimeout(timer);
      if (generation !== this.#generation) return;
      await refresh(); // the seeds back before Stop
      if (generation !== this.#generation) return;
      if (!this.stopped) this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (generation === this.#generation) this.running = false;
    }
  }

  /** Stop: the seeds run so far keep their ranges, marked as partial. */
  stop(): void {
    if (!this.running) return;
    this.stopped = true;
    this.#engine.cancelSweep?.();
  }

  /** Turns the view off: no ranges, nothing running. */
  off(): void {
    this.#generation++;
    if (this.running) this.#engine.cancelSweep?.();
    this.on = false;
    this.costly = null;
    this.running = false;
    this.stopped = false;
    this.spreads = null;
    this.summaries = [[], []];
    this.key = null;
    this.done = 0;
  }
}
