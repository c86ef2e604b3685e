/**
 * Translation catalogues, one folder per language under `messages/`, one JSON file per area of the app
 * (so that work on different panels never edits the same file). A new language is a new folder: nothing else
 * changes. English is the reference: `catalogues.test.ts` fails on a key missing from any language.
 * English areas are imported by name so that keys are typed; other languages are found by folder.
 */
import a11y from './messages/en/a11y.json';
import app from './messages/en/app.json';
import charts from './messages/en/charts.json';
import controls from './messages/en/controls.json';
import errors from './messages/en/errors.json';
import figure from './messages/en/figure.json';
import lessons from './messages/en/lessons.json';
import outcome from './messages/en/outcome.json';
import regimes from './messages/en/regimes.json';
import scenarios from './messages/en/scenarios.json';
import share from './messages/en/share.json';
import stage from './messages/en/stage.json';

const english = {
  ...a11y,
  ...app,
  ...charts,
  ...controls,
  ...errors,
  ...figure,
  ...lessons,
  ...outcome,
  ...regimes,
  ...scenarios,
  ...share,
  ...stage,
};

/**
 * English areas of panels below the first screen, loaded with their panel (`loadLazyAreas`) to keep the
 * first download within its budget; their keys are typed all the same. Only the lazy panels use them: the
 * policy frontier (sweep), the event feed (events), following a trader and the ADL queue (trader), the position
 * calculator (calculator).
 */
type LazyEnglish = typeof import('./messages/en/sweep.json') &
  typeof import('./messages/en/sweep-names.json') &
  typeof import('./messages/en/events.json') &
  typeof import('./messages/en/trader.json') &
  typeof import('./messages/en/calculator.json');
const lazyEnglish = import.meta.glob<Messages>(
  [
    './messages/en/sweep.json',
    './messages/en/sweep-names.json',
    './messages/en/events.json',
    './messages/en/trader.json',
    './messages/en/calculator.json',
  ],
  {
    import: 'default',
  },
);

export type MessageKey = keyof typeof english | keyof LazyEnglish;
export type Catalogue = Record<MessageKey, string>;

type Messages = Record<string, string>;

/**
 * Other languages load when first chosen, so an English page does not carry every translation in its first
 * download (the size budget). Tests load them all first (tests/setup-i18n.ts).
 */
const lazyFiles = import.meta.glob<Messages>(
  // guide.json: the teacher's guide's documents, loaded with the guide (guide.ts).
  ['./messages/*/*.json', '!./messages/en/*.json', '!./messages/*/app.json', '!./messages/*/guide.json'],
  {
    import: 'default',
  },
);
/** Each language's `app.json` is small and holds its own name: loaded up front for the language switch. */
const appFiles = import.meta.glob<Messages>('./messages/*/app.json', { eager: true, import: 'default' });

const localeOf = (path: string) => path.split('/')[2]!;

function merge(files: Record<string, Messages>, locale: string): Messages {
  const merged: Messages = {};
  for (const [path, messages] of Object.entries(files))
    if (localeOf(path) === locale) Object.assign(merged, messages);
  return merged;
}

/** Catalogues loaded so far: English always (its lazy areas once loaded), the others once `loadLocale` has run. */
export const catalogues: Record<string, Catalogue> = { en: english as Catalogue };

/** Adds English's lazy areas (other languages load all their areas with `loadLocale`). */
export async function loadLazyAreas(): Promise<void> {
  for (const load of Object.values(lazyEnglish)) Object.assign(catalogues.en!, await load());
}

export type Locale = string;

/** English first, then the others in a stable order. */
export const locales: readonly Locale[] = [
  'en',
  ...[...new Set(Object.keys(appFiles).map(localeOf))].filter((l) => l !== 'en').sort(),
];

/** Native names shown in the language switch (each language names itself in its `app.json`). */
export const localeNames: Readonly<Record<Locale, string>> = Object.fromEntries(
  locales.map((locale) => [locale, merge(appFiles, locale)['app.languageName'] ?? locale]),
);

export function isLocale(value: string): value is Locale {
  return locales.includes(value);
}

/** Loads a language's catalogue (all its area files) if it is not loaded yet. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (catalogues[locale] || !isLocale(locale)) return;
  const entries = Object.entries(lazyFiles).filter(([path]) => localeOf(path) === locale);
  const loaded = await Promise.all(entries.map(async ([path, load]) => [path, await load()] as const));
  catalogues[locale] = {
    ...merge(appFiles, locale),
    ...merge(Object.fromEntries(loaded), locale),
  } as Catalogue;
}
