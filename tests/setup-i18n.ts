// Every shipped language, loaded before the tests (the app loads a language when it is first chosen).
import { loadLocale, locales } from '../src/lib/i18n/catalogues.ts';

await Promise.all(locales.map((locale) => loadLocale(locale)));
