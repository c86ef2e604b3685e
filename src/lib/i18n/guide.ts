/**
 * The teacher's guide's background documents, by section: "How a lesson plays" (doc/lessons.md) and the model
 * (doc/model.md). English is read from the docs themselves, so the guide never drifts from them; another
 * language translates each section in its catalogue `messages/<locale>/guide.json`, keyed by section id
 * (`guide.model.<heading slug>`; the part before the first "##" is `guide.model.intro`). guide.test.ts checks that
 * each translation has exactly the docs' sections and keeps every number of the English, and that no section's
 * English changed since it was translated (guide-sources.json; `npx tsx scripts/guide-sections.ts` lists them).
 *
 * The guide is large (about 20 KB) and read by few: it is not part of the app's catalogues (kept out of the first
 * download, the size budget) but loaded with the guide, in the language asked for.
 */
import modelDoc from '../../../doc/model.md?raw';
import lessonsDoc from '../../../doc/lessons.md?raw';
import { englishSections } from './guide-sections.ts';

export { docSections, slug } from './guide-sections.ts';

export type GuideSections = Readonly<Record<string, string>>;

/** The English guide: doc/lessons.md's "How a lesson plays", then doc/model.md in full. */
export const englishGuide: GuideSections = englishSections(lessonsDoc, modelDoc);

const translations = import.meta.glob<Record<string, string>>('./messages/*/guide.json', {
  import: 'default',
});

/** Languages with a translated guide. */
export const guideLocales: readonly string[] = [
  'en',
  ...Object.keys(translations).map((path) => path.split('/')[2]!),
];

export interface Guide {
  /** The language the text is in: `locale`, or English where the guide is not translated. */
  lang: string;
  /** Markdown of "How a lesson plays" and of the model, in the docs' order. */
  howItPlays: string;
  model: string;
}

function assemble(lang: string, sections: GuideSections): Guide {
  const ids = Object.keys(englishGuide);
  // A section missing from a translation is shown in English rather than left out (the test forbids it).
  const text = (id: string) => sections[id] ?? englishGuide[id]!;
  return {
    lang,
    howItPlays: ids
      .filter((id) => id.startsWith('guide.lessons.'))
      .map(text)
      .join('\n\n'),
    model: ids
      .filter((id) => id.startsWith('guide.model.'))
      .map(text)
      .join('\n\n'),
  };
}

/** The guide in `locale`, or in English where it has no translation. */
export async function loadGuide(locale: string): Promise<Guide> {
  const load = translations[`./messages/${locale}/guide.json`];
  if (!load) return assemble('en', englishGuide);
  return assemble(locale, await load());
}

/** Every translation (tests). */
export async function loadTranslations(): Promise<Record<string, GuideSections>> {
  const out: Record<string, GuideSections> = {};
  for (const [path, load] of Object.entries(translations)) out[path.split('/')[2]!] = await load();
  return out;
}
