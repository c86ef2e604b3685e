/**
 * "A new version is available: reload" (issue 19). A new build's service worker waits (public/sw.js has no
 * skipWaiting of its own) so that an open page never mixes files of two builds; this notice lets the reader
 * choose the moment: Reload asks the waiting worker to take over, and the page reloads once it has.
 */
import { isLocale, loadLocale } from './i18n/catalogues.ts';
import { translate } from './i18n/translate.ts';

/** Watches `registration` and shows the notice when a new build is installed and waiting. */
export function watchForUpdates(registration: ServiceWorkerRegistration): void {
  // Only an update: the very first install has no page to replace.
  if (!navigator.serviceWorker.controller) return;
  const offer = (worker: ServiceWorker | null) => {
    if (worker) void showNotice(worker);
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  });
}

let shown = false;

async function showNotice(waiting: ServiceWorker): Promise<void> {
  if (shown) return;
  shown = true;
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : 'en';
  if (locale !== 'en') await loadLocale(locale).catch(() => {});
  const notice = document.createElement('div');
  notice.className = 'update-notice';
  notice.setAttribute('role', 'status');
  notice.dataset.testid = 'update-notice';
  const text = document.createElement('span');
  text.textContent = translate(locale, 'app.updateAvailable');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = translate(locale, 'app.updateReload');
  reload.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'leverage-lab:take-over' });
  });
  notice.append(text, ' ', reload);
  document.body.append(notice);
}
