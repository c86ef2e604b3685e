/**
 * Size budgets of the built site (issue 8), measured as node's zlib gzip of the built files:
 * - the app's initial JavaScript and CSS (what index.html loads; the engine worker excluded) ≤ 150 KB;
 * - the engine worker ≤ 60 KB;
 * - the custom element's script, with its inlined worker, ≤ 100 KB.
 * KB here is 1,000 bytes. `npm run build` prints the table (`tsx scripts/size-budgets.ts [dist]`);
 * tests/budgets.test.ts fails when a budget is exceeded.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface BudgetReport {
  name: string;
  files: string[];
  gzipBytes: number;
  limitBytes: number;
  ok: boolean;
}

const KB = 1_000;

export const gzipSize = (file: string): number => gzipSync(readFileSync(file)).length;

/** The scripts, module preloads and style sheets index.html loads: the app's first download. */
export function initialAppFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const isScript = tag.startsWith('<script');
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (!isScript && rel !== 'stylesheet' && rel !== 'modulepreload') continue;
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (url && !/^[a-z]+:|^\/\//i.test(url)) files.add(url.replace(/^\.\//, ''));
  }
  return [...files];
}

/** The engine worker's bundle(s), emitted beside the app's assets. */
export function workerFiles(dist: string): string[] {
  const assets = join(dist, 'assets');
  if (!existsSync(assets)) return [];
  return readdirSync(assets)
    .filter((name) => /worker.*\.js$/.test(name))
    .map((name) => `assets/${name}`);
}

export const ELEMENT_FILE = 'leverage-lab-figure.js';

export function measureBudgets(dist: string): BudgetReport[] {
  const budget = (name: string, files: string[], limitKB: number): BudgetReport => {
    const gzipBytes = files.reduce((sum, file) => sum + gzipSize(join(dist, file)), 0);
    const limitBytes = limitKB * KB;
    return { name, files, gzipBytes, limitBytes, ok: files.length > 0 && gzipBytes <= limitBytes };
  };
  return [
    budget('app: initial JS + CSS (worker excluded)', initialAppFiles(dist), 150),
    budget('engine worker', workerFiles(dist), 60),
    budget(
      'custom element, its worker inlined',
      existsSync(join(dist, ELEMENT_FILE)) ? [ELEMENT_FILE] : [],
      100,
    ),
  ];
}

export function formatBudgets(reports: readonly BudgetReport[]): string {
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  const lines = reports.map((r) => {
    const verdict = r.files.length === 0 ? 'MISSING' : r.ok ? 'ok' : 'OVER BUDGET';
    return `  ${r.name.padEnd(42)} ${kb(r.gzipBytes).padStart(9)} of ${kb(r.limitBytes).padStart(8)} gzip  ${verdict}`;
  });
  return ['Size budgets (gzip):', ...lines].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatBudgets(measureBudgets(process.argv[2] ?? 'dist')));
}
