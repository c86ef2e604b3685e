/** The app's language, as reactive state, with translation and Intl number formatting for it. */
import { isLocale, type Locale, type MessageKey } from './catalogues.ts';
import { translate, type MessageParams } from './translate.ts';

export class I18n {
  locale = $state<Locale>('en');

  constructor(initial: Locale = 'en') {
    this.locale = initial;
  }

  t = (key: MessageKey, params?: MessageParams): string => translate(this.locale, key, params);

  /** Sets the language from any string; unknown values are ignored and reported as false. */
  setLocale(value: string): boolean {
    if (!isLocale(value)) return false;
    this.locale = value;
    return true;
  }

  usd = (value: number, fractionDigits = 2): string =>
    new Intl.NumberFormat(this.locale, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(value);
}
