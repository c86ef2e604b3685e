/**
 * A sandboxed frame without allow-same-origin (issue 19): the page's origin is opaque ("null") and the browser
 * refuses to start a worker from the page's files. A page opened from file:// (the single-file copy) reports
 * the same "null" origin but starts its inlined worker normally, so it is not a sandboxed frame.
 */
export function inSandboxedFrame(): boolean {
  return (
    typeof self !== 'undefined' &&
    self.origin === 'null' &&
    typeof location !== 'undefined' &&
    location.protocol !== 'file:'
  );
}
