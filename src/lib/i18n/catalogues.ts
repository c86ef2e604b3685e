/**
 * Translation catalogues, one folder per language under `messages/`, one JSON file per area of the app
 * (so that work on different panels never edits the same file). A new language is a new folder: nothing else
 * changes. English is the reference: `catalogues.test.ts` fails on a key missing from any language.
 * English areas are imported by name so that keys are typed; other languages are found by folder.
 */
import a11y from './messages/en/a11y.json';
import app from './messages/en/app.json';
import calculator from './messages/en/calculator.json';
import charts from './messages/en/charts.json';
import controls from './messages/en/controls.json';
import errors from './messages/en/errors.json';
import events from './messages/en/events.json';
import lessons from './messages/en/lessons.json';
import outcome from './messages/en/outcome.json';
import regimes from './messages/en/regimes.json';
import scenarios from './messages/en/scenarios.json';
import share from './messages/en/share.json';
import trader from './messages/en/trader.json';

const english = {
  ...a11y,
  ...app,
  ...calculator,
  ...charts,
  ...controls,
  ...errors,
  ...events,
  ...lessons,
  ...outcome,
  ...regimes,
  ...scenarios,
  ...share,
  ...trader,
};

export type MessageKey = keyof typeof english;
export type Catalogue = Record<MessageKey, string>;

const files = import.meta.glob<Record<string, string>>('./messages/*/*.json', {
  eager: true,
  import: 'default',
});

function gather(): Record<string, Catalogue> {
  const found: Record<string, Record<string, string>> = { en: english };
  for (const [path, messages] of Object.entries(files)) {
    const locale = path.split('/')[2]!;
    if (locale === 'en') continue;
    found[locale] = { ...found[locale], ...messages };
  }
  return found as Record<string, Catalogue>;
}

export const catalogues: Readonly<Record<string, Catalogue>> = gather();

export type Locale = string;

/** Native names shown in the language switch (each language names itself in its `app.json`). */
export const localeNames: Readonly<Record<Locale, string>> = Object.fromEntries(
  Object.entries(catalogues).map(([locale, catalogue]) => [locale, catalogue['app.languageName'] ?? locale]),
);

/** English first, then the others in a stable order. */
export const locales: readonly Locale[] = [
  'en',
  ...Object.keys(catalogues)
    .filter((l) => l !== 'en')
    .sort(),
];

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(catalogues, value);
}
