/**
 * `npm run cli` runs the CLI as an esbuild bundle under plain node (scripts/run-bundled.mjs): from an empty
 * cache (a fresh clone) it builds the bundle and prints what the CLI prints in process; it rebuilds when an
 * input is gone or newer than the bundle, and passes the exit code and error line through.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './dispatch.ts';

const RUN = [
  'run',
  '--scenario',
  'synthetic-flash-crash',
  '--days',
  '0.25',
  '--traders',
  '20',
  '--regime',
  'offshore-cex',
];

function launch(cache: string, argv: string[]) {
  return spawnSync(process.execPath, ['scripts/run-bundled.mjs', 'src/cli/main.ts', ...argv], {
    encoding: 'utf8',
    env: { ...process.env, LEVERAGE_LAB_BUNDLE_CACHE: cache },
  });
}

describe('the bundled CLI launcher', () => {
  it(
    'builds into an empty cache, prints what the CLI prints, rebuilds when an input is gone',
    { timeout: 120_000 },
    () => {
      const cache = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
      try {
        const first = launch(cache, RUN);
        expect(first.status, first.stderr).toBe(0);
        expect(first.stdout).toBe(runCli(RUN).stdout);
        const bundle = join(cache, 'src__cli__main.mjs');
        const built = statSync(bundle).mtimeMs;
        const inputs = JSON.parse(
          readFileSync(join(cache, 'src__cli__main.inputs.json'), 'utf8'),
        ) as string[];
        expect(inputs).toContain('src/cli/main.ts');
        expect(inputs).toContain('src/engine/run/step-run.ts');

        // Fresh: the cached bundle is used as it is.
        expect(launch(cache, ['list']).status).toBe(0);
        expect(statSync(bundle).mtimeMs).toBe(built);

        // An input gone (or newer): built again.
        writeFileSync(
          join(cache, 'src__cli__main.inputs.json'),
          JSON.stringify([...inputs, 'src/no-such-file.ts']),
        );
        const again = launch(cache, RUN);
        expect(again.stdout).toBe(first.stdout);
        expect(statSync(bundle).mtimeMs).toBeGreaterThan(built);

        // Bad input: exit code 2 and one error line, as through tsx.
        const bad = launch(cache, [
          'run',
          '--scenario',
          'synthetic-flash-crash',
          '--regime',
          'offshore-cex',
          '--traders',
          '2.5',
        ]);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toMatch(/^error: --traders/m);
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    },
  );
});
