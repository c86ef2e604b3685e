/**
 * What a hand-written link may ask for when the page opens, read from the query and from a hash of plain
 * parameters: `?lang=zh-Hant-HK`, `?present` or `#present` (presentation mode), `#lesson=haircut&step=2` (a
 * lesson's step, counted from 1). A state link (`#v1.…`, read by the URL-state code) is left alone here.
 */
export interface StartOptions {
  lang: string | null;
  present: boolean;
  lesson: string | null;
  /** The lesson step, counted from 0; 0 when the link names none (or an invalid one). */
  step: number;
}

function hashParams(hash: string): URLSearchParams {
  const body = hash.replace(/^#/, '');
  // A state link (#v1.j…) is the URL-state code's; a plain anchor (#charts) carries no options.
  if (/^v\d+\./.test(body)) return new URLSearchParams();
  return new URLSearchParams(body);
}

function flag(value: string | null): boolean {
  return value !== null && !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function readStartOptions(search: string, hash: string): StartOptions {
  const query = new URLSearchParams(search);
  const fromHash = hashParams(hash);
  const get = (name: string) => fromHash.get(name) ?? query.get(name);
  const step = Number(get('step'));
  return {
    lang: get('lang'),
    present: flag(get('present')),
    lesson: get('lesson'),
    step: Number.isInteger(step) && step >= 1 ? step - 1 : 0,
  };
}

/** The link to a lesson's step (`step` counted from 0; the link counts from 1). */
export function lessonLink(id: string, step: number): string {
  return `#lesson=${encodeURIComponent(id)}&step=${step + 1}`;
}
