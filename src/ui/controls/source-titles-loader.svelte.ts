/**
 * The sources' publishers and titles (source-titles.ts) load on first use, not with the app: they are only
 * read once a rule-set section is opened, and the app's first download has a size budget. Until they arrive a
 * source shows its short id.
 */
import type { SourceTitle } from './source-titles.ts';
import type { SourceId } from '../../engine/regimes/sources.ts';

export const sourceTitles = $state<{ byId: Readonly<Partial<Record<SourceId, SourceTitle>>> | null }>({
  byId: null,
});

let loading: Promise<void> | null = null;

export function loadSourceTitles(): Promise<void> {
  loading ??= import('./source-titles.ts').then((module) => {
    sourceTitles.byId = module.SOURCE_TITLES;
  });
  return loading;
}
