/**
 * US dollar formatters, built once per locale and precision: building an Intl.NumberFormat costs far more than
 * formatting with one, and a feed formats hundreds of amounts at once. (Not in the `.svelte.ts` class: the
 * cache is plain memoisation, nothing to react to.)
 */
const usdFormats = new Map<string, Intl.NumberFormat>();

export function usdFormat(locale: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${fractionDigits}`;
  let found = usdFormats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    usdFormats.set(key, found);
  }
  return found;
}
