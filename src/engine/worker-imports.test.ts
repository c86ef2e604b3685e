/**
 * The engine's worker runs regimes from their rules alone and scenarios from their dates and anchors alone: its
 * import graph reaches no provenance note and no scenario's words, so the notes (half the presets' size) and the
 * scenarios' titles, descriptions and sources (3.1 KB of gzip, 2026-12-07) stay out of its bundle and its 60 KB
 * budget (issue 8). esbuild resolves the graph as a bundler does: type-only imports are left out, as they are
 * from the built worker.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const WORKER_ENTRY = 'workers/engine.worker.ts';

/** Where provenance lives: each preset's notes, the shared notes, their helpers, the sources they cite. */
const PROVENANCE_MODULE =
  /(^|\/)src\/engine\/regimes\/(presets\/[^/]+\.provenance\.ts|provenance\.ts|sources\.ts|catalogue\.ts)$/;

/** Where the scenarios' words live: each episode's story, the synthetic ones', and their catalogue. */
const STORY_MODULE =
  /(^|\/)src\/engine\/scenarios\/(episodes\/[^/]+\.story\.ts|synthetic-stories\.ts|stories\.ts)$/;

async function workerModules(): Promise<string[]> {
  const result = await build({
    entryPoints: [WORKER_ENTRY],
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    absWorkingDir: process.cwd(),
  });
  return Object.keys(result.metafile.inputs);
}

describe(`${WORKER_ENTRY} imports`, () => {
  it('the presets’ rules and none of their provenance', async () => {
    const modules = await workerModules();
    // The rules are there (so the paths below are read as they are written).
    expect(modules).toContain('src/engine/regimes/rules-catalogue.ts');
    expect(modules).toContain('src/engine/regimes/presets/hk-sfc-2026.ts');
    expect(modules.filter((module) => PROVENANCE_MODULE.test(module))).toEqual([]);
  });

  it('the scenarios’ dates and anchors and none of their words', async () => {
    const modules = await workerModules();
    expect(modules).toContain('src/engine/scenarios/catalogue.ts');
    expect(modules).toContain('src/engine/scenarios/episodes/2025-10-tariff-crash.ts');
    expect(modules.filter((module) => STORY_MODULE.test(module))).toEqual([]);
  });
});
