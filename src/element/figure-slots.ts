/**
 * The figures of one page share a few engine threads (issue 19): at most `hardwareConcurrency − 1` figures
 * compute at once (at least 1), the rest wait their turn in order. A page of 100 figures, 90 in view, started
 * 90 workers (2.9 GB across Chromium's processes, host-page tasks up to 1.6 s); now it starts a handful.
 */

/** How many figures may compute at once on this machine. */
export function figureSlots(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, cores - 1);
}

let busy = 0;
const queue: { start: () => void }[] = [];

/** Rejects a wait that was given up (the figure was paused or removed before its turn). */
export class SlotAbandoned extends Error {
  constructor() {
    super('the figure stopped waiting for its turn');
    this.name = 'SlotAbandoned';
  }
}

export interface Slot {
  /** Settles when the figure may start its worker. */
  ready: Promise<void>;
  /** Gives the slot back (after the run), or leaves the queue (before it): exactly once is enough. */
  release(): void;
}

/** A place in line for one figure's computation. */
export function takeSlot(): Slot {
  let state: 'waiting' | 'running' | 'done' = 'waiting';
  let abandon: (error: Error) => void = () => {};
  const entry = { start: () => {} };
  const ready = new Promise<void>((resolve, reject) => {
    abandon = reject;
    entry.start = () => {
      state = 'running';
      resolve();
    };
  });
  ready.catch(() => {}); // a release before the turn is not an error for anyone awaiting nothing
  if (busy < figureSlots()) {
    busy++;
    entry.start();
  } else queue.push(entry);
  return {
    ready,
    release() {
      if (state === 'done') return;
      if (state === 'waiting') {
        queue.splice(queue.indexOf(entry), 1);
        state = 'done';
        abandon(new SlotAbandoned());
        return;
      }
      state = 'done';
      const next = queue.shift();
      if (next) next.start();
      else busy--;
    },
  };
}

/** Figures computing now and waiting, for tests. */
export function slotUse(): { busy: number; waiting: number } {
  return { busy, waiting: queue.length };
}
