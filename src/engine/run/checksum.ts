/**
 * A checksum of a run's event stream, so two runs (in Node and in the worker, today and from a shared link
 * next year) can be compared with one string. FNV-1a over each event's JSON text, 2 × 32 bits.
 */
export interface Checksum {
  a: number;
  b: number;
}

export function emptyChecksum(): Checksum {
  return { a: 0x811c9dc5, b: 0x01000193 ^ 0x9e3779b9 };
}

/** Folds one event (any JSON-serialisable value) into the checksum. */
export function foldEvent(checksum: Checksum, event: unknown): void {
  const text = JSON.stringify(event);
  let { a, b } = checksum;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x0100019d) >>> 0;
  }
  checksum.a = a;
  checksum.b = b;
}

export function checksumHex(checksum: Checksum): string {
  return checksum.a.toString(16).padStart(8, '0') + checksum.b.toString(16).padStart(8, '0');
}
