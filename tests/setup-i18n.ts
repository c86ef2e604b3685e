// Every shipped language, loaded before the tests (the app loads a language when it is first chosen).
import { loadLazyAreas, loadLocale, locales } from '../src/lib/i18n/catalogues.ts';

await Promise.all([loadLazyAreas(), ...locales.map((locale) => loadLocale(locale))]);
