/**
 * `npm run build:single` → `dist-single/index.html`: the whole app in one HTML file that runs from file://, for a
 * classroom with no network at all. Scripts and styles are inlined (vite-plugin-singlefile); the engine worker
 * is inlined as well and started from a blob URL, since a module worker cannot load from a file URL; the
 * favicon becomes a data URL; and the page's Content-Security-Policy allows the one inline script by its hash
 * (never 'unsafe-inline' or 'unsafe-eval').
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';

const ENGINE_CLIENT = /\/src\/lib\/engine-client\.svelte\.ts$/;
/** spawnEngineWorker's `new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { … })`. */
const URL_WORKER =
  /new Worker\(\s*new URL\(\s*(['"])\.\.\/\.\.\/workers\/engine\.worker\.ts\1\s*,\s*import\.meta\.url\s*\)\s*,/g;

/** The build-time alias for the worker: the same module, inlined (Vite `?worker&inline`) instead of a URL. */
function inlineEngineWorker(): Plugin {
  return {
    name: 'leverage-lab:inline-engine-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!ENGINE_CLIENT.test(id)) return null;
      const found = code.match(URL_WORKER)?.length ?? 0;
      if (found !== 1)
        this.error(
          `expected spawnEngineWorker to construct the engine worker from its URL once (found ${found}); ` +
            'update vite.single.config.ts to match src/lib/engine-client.svelte.ts',
        );
      return {
        code:
          "import LeverageLabInlineEngineWorker from '../../workers/engine.worker.ts?worker&inline';\n" +
          code.replace(URL_WORKER, 'new LeverageLabInlineEngineWorker('),
        map: null,
      };
    },
  };
}

/** The favicon as a data URL (public/ is not copied: the build is one file). */
function inlineFavicon(): Plugin {
  return {
    name: 'leverage-lab:inline-favicon',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const png = readFileSync('public/favicon.png');
        const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
        return html.replace(/href="\.\/favicon\.png"/, `href="${dataUrl}"`);
      },
    },
  };
}

/** Stands in the CSP until the script is inlined, then becomes the script's hash. */
const HASH_PLACEHOLDER = "'sha256-inline-script-hash'";

/**
 * The CSP's script-src gains the sha256 of the inline script, and nothing else: a placeholder before inlining
 * (which also tells vite-plugin-singlefile that the policy expects an inline script), the real hash after.
 */
function inlineScriptHashes(): Plugin {
  return {
    name: 'leverage-lab:inline-script-hashes',
    enforce: 'post',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes("script-src 'self'"))
          throw new Error('index.html: the Content-Security-Policy has no "script-src \'self\'" to extend');
        // The single file starts its engine worker from a blob URL (a file:// page has no other way), so only
        // this build's policy allows blob: workers; the site's index.html does not need it (issue 19).
        return html.replace(
          "script-src 'self'",
          `script-src 'self' ${HASH_PLACEHOLDER}; worker-src 'self' blob:`,
        );
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html = String(file.source);
          const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
            .filter((match) => !/\bsrc=/.test(match[1]!))
            .map((match) => `'sha256-${createHash('sha256').update(match[2]!).digest('base64')}'`);
          file.source = html.replace(HASH_PLACEHOLDER, hashes.join(' '));
        }
      },
    },
  };
}

export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [inlineEngineWorker(), inlineFavicon(), svelte(), viteSingleFile(), inlineScriptHashes()],
  // Read by src/main.ts: a file has no service worker.
  define: { 'import.meta.env.VITE_SINGLE_FILE': JSON.stringify('true') },
  // A classic worker: Chromium refuses a module worker whose blob URL has a file:// page's opaque origin.
  worker: { format: 'iife' },
  build: { target: 'es2022', outDir: 'dist-single', emptyOutDir: true },
});
