/**
 * Embedding mistakes a host page can make, told apart from an engine failure (issue 19), so the figure says
 * what the host must allow instead of "the engine worker stopped unexpectedly":
 * - a Content-Security-Policy without blob: for workers: the figure's engine is a blob-URL worker (it is
 *   inlined in the element's script so that the script works from another origin); the browser reports the
 *   refusal as a `securitypolicyviolation` event on the document;
 * - a sandboxed frame without allow-same-origin: the page's origin is opaque ("null") and no worker starts.
 */
import type { FigureKey } from './figure-text.ts';
import { inSandboxedFrame } from '../lib/sandboxed-frame.ts';

/** An engine that could not start because of how the figure is embedded; `key` says what the host must allow. */
export class EmbeddingProblem extends Error {
  constructor(
    readonly key: Extract<FigureKey, `figure.embed.${string}`>,
    detail: string,
  ) {
    super(detail);
    this.name = 'EmbeddingProblem';
  }
}

let blobWorkersRefused = false;

/** Listens for the page's policy refusing a blob: worker (once per page, before the first figure starts). */
export function watchPolicyViolations(): void {
  if (typeof document === 'undefined' || watching) return;
  watching = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    const directive = event.effectiveDirective || event.violatedDirective;
    if (
      /^(worker-src|script-src|child-src|default-src)/.test(directive) &&
      event.blockedURI.startsWith('blob')
    )
      blobWorkersRefused = true;
  });
}
let watching = false;

/** A sandboxed frame without allow-same-origin: the page's origin is opaque (not a file:// page). */
export const opaqueOrigin = inSandboxedFrame;

/** What a worker's failure to start or run means, in the figure's terms. */
export function workerFailure(message: string): Error {
  if (opaqueOrigin()) return new EmbeddingProblem('figure.embed.opaqueOrigin', message);
  if (blobWorkersRefused) return new EmbeddingProblem('figure.embed.blobRefused', message);
  return new Error(message || 'the engine worker stopped unexpectedly');
}
