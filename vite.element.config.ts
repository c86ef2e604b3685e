/**
 * The `<leverage-lab-figure>` custom element as one ES module file, `dist/leverage-lab-figure.js`, with the
 * engine worker inlined (so the script works when served from another origin than the page that loads it).
 * Run after the app's build (`npm run build`): it adds to dist/ without emptying it, then refreshes the
 * precache manifest so the service worker also keeps the element, and prints the size budgets.
 */
import { defineConfig } from 'vite';
import { precacheManifest } from './vite.config.ts';

export default defineConfig({
  base: './',
  // The app's build has copied public/ already.
  publicDir: false,
  plugins: [precacheManifest()],
  // A classic worker from a blob URL: it starts wherever the page is (any origin, even a file:// page).
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    lib: {
      entry: 'src/element/leverage-lab-figure.ts',
      formats: ['es'],
      fileName: () => 'leverage-lab-figure.js',
    },
  },
});
