import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/global.css';
import { watchForUpdates } from './lib/update-notice.ts';

const target = document.getElementById('app');
if (!target) throw new Error('Leverage Lab: the #app element is missing from index.html');
mount(App, { target });

/**
 * Offline (public/sw.js): a built site served over http(s) registers its service worker, scoped to the folder
 * the site is in. Not in development, and not in the single-file build, which runs from file:// where service
 * workers do not exist.
 */
const singleFile = import.meta.env.VITE_SINGLE_FILE === 'true';
if (
  import.meta.env.PROD &&
  !singleFile &&
  'serviceWorker' in navigator &&
  /^https?:$/.test(location.protocol)
) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').then(watchForUpdates, (error: unknown) => {
      // The app works without it; only a second visit with the network off needs it.
      console.warn('Leverage Lab: the offline copy is not available:', error);
    });
  });
}
