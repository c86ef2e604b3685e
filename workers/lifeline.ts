/**
 * A lifeline between the page and an engine worker, so the page learns when the worker has died without a word.
 * A dedicated worker that closes itself, crashes or is ended by the browser fires no event on its `Worker`
 * object, and a comlink call to it never settles: without this the page would show "Computing…" for ever. The
 * worker takes a Web Lock with a name the page chose and holds it for as long as it lives; once it says so, the
 * page queues for the same lock, which it is granted the moment the worker is gone.
 *
 * Without Web Locks (an insecure context, a worker with an opaque origin) nothing is watched: Stop still ends a
 * run whose worker has died (it terminates the worker after 100 ms) and the next call starts a fresh one.
 */
export const LIFELINE_REQUEST = 'leverage-lab:lifeline';
export const LIFELINE_HELD = 'leverage-lab:lifeline-held';

export interface LifelineMessage {
  type: typeof LIFELINE_REQUEST | typeof LIFELINE_HELD;
  lock: string;
}

function lockManager(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

function isLifelineMessage(data: unknown, type: LifelineMessage['type']): data is LifelineMessage {
  const message = data as Partial<LifelineMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.type === type &&
    typeof message.lock === 'string'
  );
}

/**
 * The worker's side: on the page's request, takes the named lock for the rest of its life, then replies.
 * Any other message is left to comlink (which ignores this one: it has no comlink type).
 */
export function holdLifeline(data: unknown, reply: (message: LifelineMessage) => void): void {
  if (!isLifelineMessage(data, LIFELINE_REQUEST)) return;
  const locks = lockManager();
  if (!locks) return;
  const { lock } = data;
  try {
    locks
      .request(lock, () => {
        reply({ type: LIFELINE_HELD, lock });
        return new Promise<never>(() => {});
      })
      .catch(() => {});
  } catch {
    // No lock (an opaque origin): the page never hears back and watches nothing.
  }
}

let lifelines = 0;

/**
 * The page's side: calls `onLost` once if `worker` dies. The returned function stops watching; call it before
 * terminating the worker on purpose, or the released lock would read as a death.
 */
export function watchLifeline(worker: Worker, onLost: () => void): () => void {
  const locks = lockManager();
  if (!locks || typeof crypto === 'undefined' || typeof crypto.randomUUID !== 'function') return () => {};
  // Locks are shared by every tab of the origin: the name must be this worker's alone.
  const lock = `leverage-lab-lifeline-${crypto.randomUUID()}-${++lifelines}`;
  const abort = new AbortController();
  let watching = true;
  const onMessage = (event: MessageEvent) => {
    if (!isLifelineMessage(event.data, LIFELINE_HELD) || event.data.lock !== lock) return;
    worker.removeEventListener('message', onMessage);
    locks
      .request(lock, { signal: abort.signal }, () => {
        if (!watching) return;
        watching = false;
        onLost();
      })
      .catch(() => {});
  };
  worker.addEventListener('message', onMessage);
  worker.postMessage({ type: LIFELINE_REQUEST, lock } satisfies LifelineMessage);
  return () => {
    watching = false;
    abort.abort();
    worker.removeEventListener('message', onMessage);
  };
}
