/**
 * Number formatters, built once per locale and options: building an Intl.NumberFormat costs far more than
 * formatting with one, and a feed or a table formats hundreds of numbers at once. Every surface asks here
 * rather than writing `new Intl.NumberFormat` per call. (Not in the `.svelte.ts` class: the cache is plain
 * memoisation, nothing to react to.)
 */
const formats = new Map<string, Intl.NumberFormat>();

/** The formatter for `locale` and `options` (options written as literals, so equal options give equal keys). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

/** US dollars with a fixed number of decimals. */
export function usdFormat(locale: string, fractionDigits: number): Intl.NumberFormat {
  return numberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}
