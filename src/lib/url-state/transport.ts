/**
 * Bytes in and out of a URL hash: UTF-8, base64url (RFC 4648 §5, no padding) and raw DEFLATE through the
 * browser's own CompressionStream / DecompressionStream (no library; Node 20 has both for the tests).
 * Inflating stops as soon as the output passes a limit, so a small hash cannot expand into megabytes.
 */

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64urlEncode(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes, or null for text that is not unpadded base64url. */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** The text, or null for bytes that are not valid UTF-8. */
export function utf8Decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

async function readAll(readable: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Feeds `bytes` into a transform stream; write and close failures surface on the readable side. */
function pipe(stream: CompressionStream | DecompressionStream, bytes: Uint8Array<ArrayBuffer>): void {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
}

export async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  pipe(stream, bytes);
  return (await readAll(stream.readable, Number.POSITIVE_INFINITY))!;
}

export type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'corrupt' | 'too-long' };

/** Never rejects: corrupt or truncated input is 'corrupt', output beyond `maxBytes` is 'too-long'. */
export async function inflateRaw(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Inflated> {
  try {
    const stream = new DecompressionStream('deflate-raw');
    pipe(stream, bytes);
    const out = await readAll(stream.readable, maxBytes);
    return out === null ? { ok: false, reason: 'too-long' } : { ok: true, bytes: out };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
