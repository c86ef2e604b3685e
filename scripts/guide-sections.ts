/**
 * Which sections of the teacher's guide need translating again: a section whose English (doc/model.md, and
 * "How a lesson plays" in doc/lessons.md) changed since its translation was made, or that is new.
 * src/lib/i18n/guide-sources.json keeps, per language, a hash of the English each translation was made from;
 * guide.test.ts fails while a section is stale.
 *
 *   npx tsx scripts/guide-sections.ts                      list stale sections, with the docs' changes since
 *   npx tsx scripts/guide-sections.ts --mark LOCALE [ID…]  after translating: record today's English for those
 *                                                          sections (all stale ones of LOCALE when no ID given)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  englishSections,
  sectionHash,
  staleSections,
  type GuideSources,
} from '../src/lib/i18n/guide-sections.ts';

const SOURCES = 'src/lib/i18n/guide-sources.json';
const english = englishSections(readFileSync('doc/lessons.md', 'utf8'), readFileSync('doc/model.md', 'utf8'));
const sources: Record<string, Record<string, string>> = JSON.parse(
  readFileSync(SOURCES, 'utf8'),
) as GuideSources;

const [command, locale, ...ids] = process.argv.slice(2);
if (command === '--mark') {
  if (!locale || !sources[locale])
    throw new Error(`--mark needs a language of ${SOURCES}: ${Object.keys(sources).join(', ')}`);
  const chosen = ids.length ? ids : staleSections(english, sources[locale]);
  const next: Record<string, string> = {};
  for (const id of chosen) if (!english[id]) throw new Error(`no section ${id} in the docs`);
  // In the docs' order, dropping sections the docs no longer have.
  for (const [id, text] of Object.entries(english))
    next[id] = chosen.includes(id) ? sectionHash(text) : (sources[locale][id] ?? '');
  sources[locale] = Object.fromEntries(Object.entries(next).filter(([, hash]) => hash));
  writeFileSync(SOURCES, JSON.stringify(sources, null, 2) + '\n');
  console.log(`${locale}: recorded ${chosen.length} section(s): ${chosen.join(', ') || '-'}`);
} else if (command) {
  throw new Error(`unknown option ${command}; see the header of scripts/guide-sections.ts`);
} else {
  for (const [lang, hashes] of Object.entries(sources)) {
    const stale = staleSections(english, hashes);
    const gone = Object.keys(hashes).filter((id) => !english[id]);
    console.log(`${lang}: ${stale.length ? `${stale.length} to translate` : 'up to date'}`);
    for (const id of stale) console.log(`  ${hashes[id] ? 'changed' : 'new    '} ${id}`);
    for (const id of gone) console.log(`  gone    ${id} (remove it from guide.json, then --mark ${lang})`);
  }
  // When the translation file was last touched, the docs' changes since then show what to translate.
  const since = execFileSync('git', ['log', '-1', '--format=%h', '--', SOURCES], { encoding: 'utf8' }).trim();
  if (since)
    console.log(`\nThe docs' changes since ${since}: git diff ${since} -- doc/model.md doc/lessons.md`);
}
