/**
 * The bench's runner bundled by esbuild (as Vite bundles the engine for the browser's worker), so it runs under
 * plain node. `engineRoot` picks whose engine the bundle holds: this checkout's, or another checkout's (an older
 * commit, to compare side by side in one bench run): the runner's `../src/` and `../workers/` imports are
 * resolved there.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file runs from bench/ (tsx) or from the launcher's bundle in node_modules/.cache/ (npm run bench).
const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = /[\\/]node_modules[\\/]/.test(here)
  ? here.split(/[\\/]node_modules[\\/]/)[0]!
  : resolve(here, '..');

function engineAt(engineRoot: string): Plugin {
  return {
    name: 'engine-at',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/(src|workers)\// }, (args) => {
        if (!args.importer.startsWith(join(ROOT, 'bench'))) return undefined;
        const path = resolve(engineRoot, args.path.slice(3));
        // A module the other checkout does not have yet (an older commit): an empty one, whose exports the
        // runner reads as absent (run-row.ts's `forgetSeedDraws`).
        return existsSync(path) ? { path } : { path, namespace: 'absent' };
      });
      b.onLoad({ filter: /.*/, namespace: 'absent' }, () => ({ contents: 'export {};', loader: 'js' }));
    },
  };
}

/** Bundles bench/run-row.ts with the engine of `engineRoot` into `outFile`; returns `outFile`. */
export function bundleRunner(engineRoot: string, outFile: string): Promise<string> {
  return bundleBench('run-row.ts', engineRoot, outFile);
}

/** Bundles `bench/<entry>` with the engine of `engineRoot` into `outFile`; returns `outFile`. */
export async function bundleBench(entry: string, engineRoot: string, outFile: string): Promise<string> {
  mkdirSync(dirname(outFile), { recursive: true });
  // Built under a name of its own, then renamed: a new file, never a rewrite of one node_modules may share
  // (as a hard link) with another checkout.
  const temporary = `${outFile}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(ROOT, 'bench', entry)],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    plugins: [engineAt(resolve(engineRoot))],
  });
  renameSync(temporary, outFile);
  return outFile;
}
