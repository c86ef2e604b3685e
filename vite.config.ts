import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

/** In public/sw.js; replaced by the build hash in the copy written to the build folder. */
export const SW_BUILD_PLACEHOLDER = '__LEVERAGE_LAB_BUILD__';
/** In public/sw.js; replaced by the JSON list of the build's files (the only ones the worker serves). */
export const SW_FILES_PLACEHOLDER = '__LEVERAGE_LAB_FILES__';
const NOT_PRECACHED = new Set(['sw.js', 'precache-manifest.json']);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !NOT_PRECACHED.has(file) && !file.endsWith('.map'))
    .sort();
}

/**
 * Offline (issue 8): lists every file of the built site in `precache-manifest.json`, under a version that is a
 * hash of their contents, and writes `sw.js` from public/sw.js with that version in it, so that a new build is a
 * new service worker (browsers compare sw.js byte for byte) with a new cache; the same list is written into
 * sw.js, the only files it serves (issue 19). Paths are relative: the worker
 * resolves them against its own URL, so the site works offline from any sub-path. Runs again after the
 * element's build (vite.element.config.ts), which adds its script to the same folder.
 */
export async function writePrecache(
  outDir: string,
  root: string,
): Promise<{ version: string; files: string[] }> {
  const files = await filesUnder(outDir);
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(outDir, file)));
  const version = hash.digest('hex').slice(0, 16);
  const manifest = { version, files: ['./', ...files] };
  await writeFile(join(outDir, 'precache-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const template = await readFile(join(root, 'public', 'sw.js'), 'utf8');
  for (const placeholder of [SW_BUILD_PLACEHOLDER, SW_FILES_PLACEHOLDER])
    if (template.split(placeholder).length !== 2)
      throw new Error(`public/sw.js must contain ${placeholder} exactly once`);
  const worker = template
    .replace(SW_BUILD_PLACEHOLDER, version)
    .replace(SW_FILES_PLACEHOLDER, JSON.stringify(manifest.files));
  await writeFile(join(outDir, 'sw.js'), worker);
  return manifest;
}

export function precacheManifest(): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'leverage-lab:precache-manifest',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle(error?: Error) {
      // Only a site (an index.html) is precached: a build of the element alone elsewhere is not a site.
      if (error || !existsSync(join(outDir, 'index.html'))) return;
      const { version, files } = await writePrecache(outDir, root);
      this.info(`precache-manifest.json: ${files.length} files, version ${version}`);
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of a static host.
  base: './',
  plugins: [svelte(), precacheManifest()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The presets' rules and their provenance in one chunk, as before they were split (both load at start):
          // two chunks gzip 0.9 KB larger. The engine worker, built on its own, still has the rules alone.
          groups: [{ name: 'catalogue', test: /src[\\/]engine[\\/]regimes[\\/](rules-)?catalogue\.ts$/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    // Vitest leaves one core to itself by default: on the 2-core CI machine that ran one test file at a time.
    // Two workers took the unit project from 152 s to 105 s there (2026-12-06).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/engine/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'src/lib/**/*.test.ts',
            'src/element/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          setupFiles: ['tests/setup-fast-check.ts', 'tests/setup-i18n.ts'],
          // The engine is pure and these tests mock no module, so one module graph serves every file of a
          // worker: re-importing it for each of 137 files was most of the time (105 s → 52 s, 2026-12-06).
          isolate: false,
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/ui/**/*.test.ts'],
          setupFiles: ['tests/setup-fast-check.ts', 'tests/setup-i18n.ts', 'tests/setup-component.ts'],
          // testing-library's cleanup empties the document after every test; the modules are shared
          // (80 s → 20 s, 2026-12-06).
          isolate: false,
          // A test that types and clicks through a panel takes 2.6 s alone on a slow day of this machine and
          // timed out at vitest's 5 s while CI's other projects ran beside it (RuleSetPanel, 2026-12-07).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        // Size budgets of the built files (issue 8); run after the build, in test:e2e.
        extends: true,
        test: {
          name: 'budget',
          environment: 'node',
          include: ['tests/budgets.test.ts'],
        },
      },
    ],
  },
});
