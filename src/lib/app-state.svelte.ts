/**
 * The app's state: what the user chose (scenario, rule sets A and B, population, seed), what the worker
 * computed (one result per rule set, same scenario and traders), and where playback stands. Views read it and
 * call its methods; only `EngineClient` talks to the worker.
 */
import type { EngineCalls } from './engine-client.svelte.ts';
import { EngineLostError, RunStoppedError } from './engine-client.svelte.ts';
import { DEFAULT_RUN, type RunConfig } from '../engine/run/config.ts';
import type { RunResult } from '../engine/run/run.ts';
import type { PresetId } from '../engine/regimes/types.ts';
import type { RegimeOverrides } from '../engine/regimes/guardrail-keys.ts';
import type { ScenarioId } from '../engine/scenarios/types.ts';
import type { PopulationSettings } from '../engine/population/settings.ts';
import type { AppSettings } from './app-settings.ts';
import { estimateRunCost, isCostly } from '../engine/validation/run-cost.ts';
import type { SweepChoice } from './sweep-choice.ts';
import type { SweepPoint } from '../engine/run/sweep.ts';
import type { MarketId } from '../engine/perp/market.ts';
import { SeedRanges } from './seed-ranges.svelte.ts';

export interface RuleSetChoice {
  preset: PresetId;
  overrides: RegimeOverrides;
}

/** Playback speeds, in minutes of market time per second of wall time. */
export const SPEEDS = [15, 30, 60, 120, 240, 480] as const;

export class AppState {
  scenario = $state<ScenarioId>(DEFAULT_RUN.scenario);
  /** Synthetic scenarios only. */
  days = $state<number | undefined>(undefined);
  ruleSets = $state<[RuleSetChoice, RuleSetChoice]>([
    { preset: 'hk-sfc-2026', overrides: {} },
    { preset: 'offshore-cex', overrides: {} },
  ]);
  population = $state<PopulationSettings>({ ...DEFAULT_RUN.population });
  affiliatedMarketMaker = $state(false);
  seed = $state(DEFAULT_RUN.seed);
  /** Traders followed besides the personas (picked from the event feed). */
  follow = $state<number[]>([]);
  /** The trader the trader panels show: a persona (0–2) or a trader id from `follow`. */
  followedTrader = $state(0);

  /** Results for A and B, or null before the first run. */
  results = $state.raw<[RunResult, RunResult] | null>(null);
  /** The configs `results` were computed from (the choices above may have changed since). */
  resultConfigs = $state.raw<[RunConfig, RunConfig] | null>(null);
  /** 0–1 while the worker computes. */
  progress = $state(0);
  running = $state(false);
  error = $state<string | null>(null);
  /** The last run ended because the engine worker died (not a model error): the page says so and offers a re-run. */
  engineLost = $state(false);
  /**
   * A comparison estimated to take longer than COSTLY_RUN_SECONDS waits here, with its estimate in seconds,
   * until the user says run it (issue 19): a link, a lesson or the embed view never starts one on its own.
   */
  costlyRun = $state<number | null>(null);

  /**
   * The results whose end is shown (issue 18: a class predicts first): set once the playhead reaches the last
   * frame, or by "Show the end"; a new run's results hide it again. The stage's end-of-run table and each
   * followed trader's fate read `endShown`.
   */
  endShownFor = $state.raw<[RunResult, RunResult] | null>(null);

  /** Playback: the frame shown, whether it advances, and how fast. */
  frame = $state(0);
  playing = $state(false);
  speedIndex = $state(2);

  /** The open lesson (a lesson file's id), or null; the lesson panel applies its steps. */
  lessonId = $state<string | null>(null);
  /** The lesson's current step, counted from 0 (a link's `step=` counts from 1). */
  lessonStep = $state(0);
  /** The market the stage's price chart shows (a view choice, kept in the link; BTC by default). */
  market = $state<MarketId>('BTC');
  /** Presentation mode: large type, high contrast, only the essential panels. */
  presenting = $state(false);
  /** The policy frontier shown below the stage (issue 20; src/ui/sweep), or null; it travels in the link. */
  sweep = $state<SweepChoice | null>(null);
  /** The last sweep that ran to its end, with its choice (a lesson's reveal reads its answer from it). */
  sweepResult = $state.raw<{ choice: SweepChoice; points: SweepPoint[] } | null>(null);

  /** The comparison over 30 seeds (ranges beside the chosen seed's run); while on, it follows each new run. */
  readonly seeds: SeedRanges;

  readonly #engine: EngineCalls;
  #timer: ReturnType<typeof setInterval> | null = null;
  #generation = 0;

  constructor(engine: EngineCalls) {
    this.#engine = engine;
    this.seeds = new SeedRanges(engine);
  }

  /** The run configs for A and B: same scenario, seed and population (common random numbers). */
  configs(): [RunConfig, RunConfig] {
    const base = {
      scenario: this.scenario,
      seed: this.seed,
      population: { ...this.population },
      affiliatedMarketMaker: this.affiliatedMarketMaker,
      follow: [...this.follow],
      ...(this.days === undefined ? {} : { days: this.days }),
    };
    const config = (r: RuleSetChoice): RunConfig => ({
      ...base,
      regime: r.preset,
      overrides: $state.snapshot(r.overrides) as RegimeOverrides,
    });
    return [config(this.ruleSets[0]), config(this.ruleSets[1])];
  }

  get frameCount(): number {
    return this.results?.[0].frames.length ?? 0;
  }

  /** Whether the playhead is on the last frame of the results. */
  get atEnd(): boolean {
    return this.frameCount > 0 && this.frame >= this.frameCount - 1;
  }

  /** Whether the end of these results is shown (`endShownFor`; the stage sets it when the playhead reaches it). */
  get endShown(): boolean {
    return this.results !== null && this.endShownFor === this.results;
  }

  get speed(): number {
    return SPEEDS[this.speedIndex] ?? 60;
  }

  /**
   * Runs A and B in the worker; the previous comparison, if still running, is stopped. A costly comparison
   * (see `costlyRun`) waits for `confirmed`.
   */
  async run(options: { confirmed?: boolean } = {}): Promise<void> {
    // Only the latest run may update the state: an older one settles (stopped) after a newer one started.
    const generation = ++this.#generation;
    this.pause();
    const planned = this.configs();
    if (!options.confirmed && isCostly(planned)) {
      this.#engine.stop();
      this.running = false;
      this.costlyRun = estimateRunCost(planned).seconds;
      return;
    }
    this.costlyRun = null;
    // The seeds of the comparison being replaced are moot: they give the cores back (they follow the new one).
    this.seeds.stop();
    this.running = true;
    this.error = null;
    this.engineLost = false;
    this.progress = 0;
    const configs = this.configs();
    try {
      const results = await this.#engine.compare(configs, {
        progress: (p) => {
          if (generation === this.#generation) this.progress = (p.run + p.minute / p.minutes) / p.runs;
        },
      });
      if (generation !== this.#generation) return;
      this.results = [results[0]!, results[1]!];
      this.resultConfigs = configs;
      this.frame = Math.min(this.frame, this.frameCount - 1);
      this.progress = 1;
      if (this.seeds.on) void this.seeds.start(configs);
    } catch (error) {
      if (generation !== this.#generation || error instanceof RunStoppedError) return;
      if (error instanceof EngineLostError) this.engineLost = true;
      else this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (generation === this.#generation) this.running = false;
    }
  }

  /** The current settings, as plain data. */
  settings(): AppSettings {
    return $state.snapshot({
      scenario: this.scenario,
      days: this.days,
      ruleSets: this.ruleSets,
      population: this.population,
      seed: this.seed,
      affiliatedMarketMaker: this.affiliatedMarketMaker,
    }) as AppSettings;
  }

  /**
   * Replaces every setting at once (a lesson step, a link) and pauses playback at the start; followed traders
   * beyond the new population are dropped. Does not run: the caller decides when.
   */
  applySettings(settings: AppSettings): void {
    this.pause();
    this.scenario = settings.scenario;
    this.days = settings.days;
    this.ruleSets = [
      { preset: settings.ruleSets[0].preset, overrides: { ...settings.ruleSets[0].overrides } },
      { preset: settings.ruleSets[1].preset, overrides: { ...settings.ruleSets[1].overrides } },
    ];
    this.population = { ...settings.population };
    this.seed = settings.seed;
    this.affiliatedMarketMaker = settings.affiliatedMarketMaker;
    this.follow = this.follow.filter((id) => id < settings.population.traders);
    if (this.followedTrader >= settings.population.traders) this.followedTrader = 0;
    this.frame = 0;
  }

  /** True when the results were computed from the current settings (nothing changed since the last run). */
  get resultsCurrent(): boolean {
    return (
      this.results !== null &&
      this.resultConfigs !== null &&
      JSON.stringify(this.resultConfigs) === JSON.stringify(this.configs())
    );
  }

  stop(): void {
    this.#engine.stop();
  }

  play(): void {
    if (this.frameCount === 0 || this.playing) return;
    if (this.frame >= this.frameCount - 1) this.frame = 0;
    this.playing = true;
    const tickMilliseconds = 50;
    this.#timer = setInterval(() => {
      const minutesPerFrame = this.minutesPerFrame();
      const framesPerTick = Math.max(1, Math.round((this.speed * tickMilliseconds) / 1000 / minutesPerFrame));
      this.frame = Math.min(this.frameCount - 1, this.frame + framesPerTick);
      if (this.frame >= this.frameCount - 1) this.pause();
    }, tickMilliseconds);
  }

  pause(): void {
    this.playing = false;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  step(frames = 1): void {
    this.pause();
    this.frame = Math.max(0, Math.min(this.frameCount - 1, this.frame + frames));
  }

  reset(): void {
    this.pause();
    this.frame = 0;
  }

  seek(frame: number): void {
    this.frame = Math.max(0, Math.min(this.frameCount - 1, Math.round(frame)));
  }

  /** Moves the scrubber to the frame that shows market minute `minute`. */
  seekMinute(minute: number): void {
    const minutes = this.results?.[0].frames.minute;
    if (!minutes) return;
    let i = 0;
    while (i < minutes.length - 1 && minutes[i + 1]! <= minute) i++;
    this.seek(i);
  }

  /**
   * Shows trader `id` in the trader panels. A trader the results do not trace yet is added to `follow` and the
   * comparison re-runs, so their story is computed frame by frame like the personas'.
   */
  async followTrader(id: number): Promise<void> {
    if (!Number.isInteger(id) || id < 0 || id >= this.population.traders)
      throw new RangeError(
        `trader must be a whole number from 0 to ${this.population.traders - 1} (got ${id})`,
      );
    this.followedTrader = id;
    const traced = this.results?.[0].traces.some((trace) => trace.trader === id) ?? false;
    if (traced) return;
    if (id >= 3 && !this.follow.includes(id)) this.follow.push(id);
    await this.run();
  }

  faster(): void {
    this.speedIndex = Math.min(SPEEDS.length - 1, this.speedIndex + 1);
  }

  slower(): void {
    this.speedIndex = Math.max(0, this.speedIndex - 1);
  }

  minutesPerFrame(): number {
    const minutes = this.results?.[0].frames.minute;
    return minutes && minutes.length > 1 ? minutes[1]! - minutes[0]! : 1;
  }

  dispose(): void {
    this.pause();
  }
}
