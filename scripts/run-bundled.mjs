/**
 * Runs a TypeScript entry (the CLI, the bench) as one esbuild bundle under plain node, as the browser runs the
 * engine: no TypeScript loader at start-up and no `__name()` wrapper around every closure (tsx adds both; the
 * CLI's 100,000-trader run spent seconds on them, issue 16).
 *
 *   node scripts/run-bundled.mjs ENTRY [ARGS...]
 *
 * The bundle is cached in node_modules/.cache/leverage-lab/ and rebuilt when any of its inputs is newer than
 * it, or gone, so a fresh clone needs no build step and an edit is picked up by the next run
 * (LEVERAGE_LAB_BUNDLE_CACHE names another cache directory: the launcher's test starts from an empty one). The bundle is
 * then imported in this process with process.argv set as if it had been run directly.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The cached bundle of `entry` (a path from the repository root), built first if stale. */
export async function bundledEntry(entry) {
  const source = resolve(root, entry);
  const name = relative(root, source).replace(/[\\/]/g, '__').replace(/\.ts$/, '');
  const cache = process.env.LEVERAGE_LAB_BUNDLE_CACHE ?? join(root, 'node_modules', '.cache', 'leverage-lab');
  const out = join(cache, `${name}.mjs`);
  const inputsFile = join(cache, `${name}.inputs.json`);
  if (!isFresh(out, inputsFile)) await build(source, out, inputsFile, cache);
  return out;
}

function isFresh(out, inputsFile) {
  try {
    const built = statSync(out).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.every((input) => statSync(join(root, input)).mtimeMs <= built);
  } catch {
    return false; // no bundle yet, or an input was removed
  }
}

async function build(source, out, inputsFile, cache) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  // Written under a name of its own then renamed: a new file (node_modules may hold hard links shared with
  // other checkouts) and never half-written for a process starting at the same time.
  const temporary = `${out}.${process.pid}.tmp`;
  const result = await esbuild({
    entryPoints: [source],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
    absWorkingDir: root,
  });
  // esbuild names inputs from the working directory; statted again at the next start.
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'));
  writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(temporary, out);
  renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/run-bundled.mjs ENTRY [ARGS...]');
    process.exit(2);
  }
  const bundle = await bundledEntry(entry);
  process.argv = [process.argv[0], bundle, ...args];
  await import(pathToFileURL(bundle).href);
}
