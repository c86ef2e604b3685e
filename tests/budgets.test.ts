/**
 * The size budgets of issue 8 hold for the built site (run after `npm run build`, in `npm run test:e2e`):
 * app initial JS + CSS ≤ 150 KB, engine worker ≤ 60 KB, custom element with its inlined worker ≤ 100 KB (gzip).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBudgets, measureBudgets, workerFiles } from '../scripts/size-budgets.ts';
import { REGIMES } from '../src/engine/regimes/catalogue.ts';
import { setByUser } from '../src/engine/regimes/provenance.ts';
import { SCENARIO_STORIES } from '../src/engine/scenarios/stories.ts';

const dist = process.env.E2E_DIST ?? 'dist';

describe(`size budgets of ${dist}/`, () => {
  it('has a build to measure', () => {
    expect(existsSync(`${dist}/index.html`), `${dist}/ is missing: run npm run build first`).toBe(true);
  });

  const reports = existsSync(`${dist}/index.html`) ? measureBudgets(dist) : [];
  it.each(reports)('$name is within its budget', (report) => {
    expect(report.files.length, `no files found for ${report.name}`).toBeGreaterThan(0);
    expect(report.gzipBytes, formatBudgets(reports)).toBeLessThanOrEqual(report.limitBytes);
  });

  it('measures the three budgets, and the worker only in its own', () => {
    expect(reports.map((r) => r.name)).toHaveLength(3);
    const [app, worker] = reports;
    expect(app!.files.some((file) => /worker/.test(file))).toBe(false);
    expect(worker!.files.length).toBeGreaterThan(0);
  });

  // The worker runs regimes from their rules alone (src/engine/regimes/rules-catalogue.ts): the provenance
  // notes, about half of the presets' size, stay in the app.
  it('leaves every provenance note out of the engine worker', () => {
    const notes = new Set([setByUser().note]);
    for (const regime of Object.values(REGIMES))
      for (const provenance of Object.values(regime.provenance)) notes.add(provenance.note);
    const worker = workerFiles(dist).map((file) => readFileSync(join(dist, file), 'utf8'));
    expect(worker.length).toBeGreaterThan(0);
    expect([...notes].filter((note) => worker.some((code) => code.includes(note)))).toEqual([]);
  });

  // Nor the scenarios' words (src/engine/scenarios/stories.ts): a run reads their dates and anchors only.
  it('leaves every scenario title, description and source out of the engine worker', () => {
    const words = new Set<string>();
    for (const story of Object.values(SCENARIO_STORIES)) {
      words.add(story.title).add(story.description);
      for (const source of story.sources) words.add(source.url ?? source.name);
    }
    const worker = workerFiles(dist).map((file) => readFileSync(join(dist, file), 'utf8'));
    expect(worker.length).toBeGreaterThan(0);
    expect([...words].filter((text) => worker.some((code) => code.includes(text)))).toEqual([]);
  });
});
