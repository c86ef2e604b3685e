/**
 * The sweep panel's own chunk with its English strings (a lazy catalogue area): loaded after the first screen,
 * so the app's first download stays within its budget. The app and the embed view both load it through here.
 */
import { loadLazyAreas } from '../../lib/i18n/catalogues.ts';

export async function loadSweepPanel() {
  const [module] = await Promise.all([import('./SweepPanel.svelte'), loadLazyAreas()]);
  return module.default;
}
