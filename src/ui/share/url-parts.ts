/** Small reads and edits of a URL, kept out of the `.svelte.ts` class: none of them is reactive state. */

/** The hash of `href`, with its '#', or '' (percent-encoding as the browser's location.hash keeps it). */
export function hashOf(href: string): string {
  return new URL(href).hash;
}

/** `href` with its hash replaced ('#v1.…'). */
export function withHash(href: string, hash: string): string {
  const url = new URL(href);
  url.hash = hash;
  return url.href;
}

/** `path` resolved against `href`. */
export function resolveFrom(href: string, path: string): string {
  return new URL(path, href).href;
}

/** Parameter `name` of a hash of parameters ('#view=embed&lang=en'), or null. */
export function hashParameter(hash: string, name: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(name);
}
