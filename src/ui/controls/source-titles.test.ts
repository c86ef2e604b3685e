import { describe, expect, it } from 'vitest';
import { SOURCES, type SourceId } from '../../engine/regimes/sources.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { sourceLabel } from './guardrail-format.ts';
import { loadSourceTitles } from './source-titles-loader.svelte.ts';

describe('sources as a reader sees them', () => {
  it('every cited source with an address has a publisher and a title, never a bare code', async () => {
    await loadSourceTitles();
    const en = new I18n('en');
    for (const id of Object.keys(SOURCES) as SourceId[]) {
      const label = sourceLabel(en, { id });
      expect(label, id).not.toBe(id);
      expect(label, id).not.toMatch(/^(W\d+|B-|HL-)/);
    }
    expect(sourceLabel(en, { id: '001_974666ce637a126c.txt' })).toBe(
      'News report on the announcements of 11 Feb 2026 (2)',
    );
  });
});
