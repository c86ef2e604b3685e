// @vitest-environment node
/**
 * Every source a preset cites must exist in the project specification: guardrails.md §5 (seed files, W1–W48)
 * or mechanics.md §0, with the address the spec gives. Those two sections are copied verbatim into
 * spec-sources/ (the spec lives outside the repository), so this runs on a clean clone; where the spec is at
 * hand (/work/shared/spec, or LEVERAGE_LAB_SPEC_DIR) the copies are checked against it too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUARDRAIL_KEYS } from './guardrail-keys.ts';
import { REGIMES } from './catalogue.ts';
import { SOURCES } from './sources.ts';
import { PRESET_IDS } from './types.ts';

const SPEC_DIR = process.env.LEVERAGE_LAB_SPEC_DIR ?? '/work/shared/spec';
const COPIES = join(import.meta.dirname, 'spec-sources');
const HL_DOCS = 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/';

function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`spec section "${heading}" not found`);
  const next = text.indexOf('\n## ', start + heading.length);
  return text.slice(start, next < 0 ? undefined : next);
}

/** Ids of guardrails §5 (W-numbers and seed files) and of the mechanics §0 table ('HL-*' as the prefix 'HL-'). */
function specSourceIds(guardrails: string, mechanics: string): { exact: Set<string>; prefixes: string[] } {
  const sources = section(guardrails, '## 5. Sources');
  const exact = new Set<string>([
    ...[...sources.matchAll(/\*\*(W\d+)\*\*/g)].map((m) => m[1] as string),
    ...[...sources.matchAll(/^- (\d{3}_[0-9a-f]+\.txt)$/gm)].map((m) => m[1] as string),
  ]);
  const prefixes: string[] = [];
  for (const m of section(mechanics, '## 0. Sources').matchAll(/^\| ([A-Z][A-Z0-9-]*?)(-\*)? \|/gm)) {
    const id = m[1] as string;
    if (id === 'ID') continue;
    if (m[2]) prefixes.push(`${id}-`);
    else exact.add(id);
  }
  return { exact, prefixes };
}

const guardrails = readFileSync(join(COPIES, 'guardrails-sources.md'), 'utf8');
const mechanics = readFileSync(join(COPIES, 'mechanics-sources.md'), 'utf8');

describe.runIf(existsSync(SPEC_DIR))(`the copies of the spec's source lists, against ${SPEC_DIR}`, () => {
  it.each([
    ['guardrails', guardrails, '## 5. Sources'],
    ['mechanics', mechanics, '## 0. Sources'],
  ])('%s.md: the copy is still the spec’s section, verbatim', (name, copy, heading) => {
    const spec = readFileSync(join(SPEC_DIR, `${name}.md`), 'utf8');
    expect(section(copy, heading)).toBe(section(spec, heading));
  });
});

describe('sources against the spec’s source lists', () => {
  const ids = specSourceIds(guardrails, mechanics);
  const known = (id: string) => ids.exact.has(id) || ids.prefixes.some((p) => id.startsWith(p));

  it('reads the spec’s source lists', () => {
    for (const id of ['W1', 'W48', '002_77fb7649bbd2b217.txt', 'B-LIQ', 'B-LIQ-GIST', 'B-MGN'])
      expect(ids.exact.has(id), id).toBe(true);
    expect(ids.prefixes).toContain('HL-');
    expect(known('W49')).toBe(false);
  });

  it('knows every id in the source table, each with the address the spec gives', () => {
    for (const [id, url] of Object.entries(SOURCES)) {
      expect(known(id), `${id} is not in guardrails §5 or mechanics §0`).toBe(true);
      if (url === undefined) continue;
      const inSpec = guardrails.includes(url) || mechanics.includes(url);
      expect(inSpec || (id.startsWith('HL-') && url.startsWith(HL_DOCS)), `${id}: ${url}`).toBe(true);
    }
  });

  it.each(PRESET_IDS)(
    '%s: published and derived entries cite at least one spec source, and all ids exist',
    (id) => {
      const regime = REGIMES[id];
      for (const key of GUARDRAIL_KEYS) {
        const p = regime.provenance[key];
        for (const source of p.sources) expect(known(source.id), `${id} ${key}: ${source.id}`).toBe(true);
        if (p.kind !== 'assumption')
          expect(p.sources.filter((s) => known(s.id)).length, `${id} ${key}`).toBeGreaterThan(0);
      }
    },
  );
});
