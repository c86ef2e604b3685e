import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/global.css';
import { EngineClient } from './lib/engine-client.svelte.ts';
import { watchForUpdates } from './lib/update-notice.ts';

const target = document.getElementById('app');
if (!target) throw new Error('Leverage Lab: the #app element is missing from index.html');

/**
 * The engine worker is started before the page is drawn, and the page then yields once: a worker is only
 * created once the page's thread is free, and drawing the first screen holds it for 400–460 ms (measured in
 * Chromium on the 2-core machine, 2026-12-06). So the worker loads and compiles the engine on the other core
 * while the first screen is drawn, and the first comparison starts sooner.
 */
const engine = new EngineClient();
engine.prepare();
// A timer, not a top-level await: with one, the bundler split the entry into 17 more chunks (+9 KB gzip).
setTimeout(() => mount(App, { target, props: { engine, onfirstresults: registerOfflineCopy } }), 0);

/**
 * Offline (public/sw.js): a built site served over http(s) registers its service worker, scoped to the folder
 * the site is in. Not in development, and not in the single-file build, which runs from file:// where service
 * workers do not exist. Registered once the first comparison is on screen: installing it fetches and caches
 * the whole build, about half a second of work that would otherwise compete with the first comparison.
 */
function registerOfflineCopy(): void {
  const singleFile = import.meta.env.VITE_SINGLE_FILE === 'true';
  if (
    !import.meta.env.PROD ||
    singleFile ||
    !('serviceWorker' in navigator) ||
    !/^https?:$/.test(location.protocol)
  )
    return;
  navigator.serviceWorker.register('./sw.js').then(watchForUpdates, (error: unknown) => {
    // The app works without it; only a second visit with the network off needs it.
    console.warn('Leverage Lab: the offline copy is not available:', error);
  });
}
