/** The app's language, as reactive state, with translation and Intl number formatting for it. */
import { catalogues, isLocale, loadLocale, type Locale, type MessageKey } from './catalogues.ts';
import { translate, type MessageParams } from './translate.ts';
import { usdFormat } from './number-format.ts';

export class I18n {
  locale = $state<Locale>('en');

  constructor(initial: Locale = 'en') {
    if (!this.setLocale(initial)) this.locale = 'en';
  }

  t = (key: MessageKey, params?: MessageParams): string => translate(this.locale, key, params);

  /**
   * Sets the language from any string; unknown values are ignored and reported as false. A language not yet
   * loaded is switched to as soon as its catalogue arrives (the page stays in the current one meanwhile).
   */
  setLocale(value: string): boolean {
    if (!isLocale(value)) return false;
    this.#requested = value;
    if (catalogues[value]) this.locale = value;
    else
      void loadLocale(value).then(() => {
        if (this.#requested === value) this.locale = value;
      });
    return true;
  }

  #requested: Locale = 'en';

  usd = (value: number, fractionDigits = 2): string => usdFormat(this.locale, fractionDigits).format(value);
}
