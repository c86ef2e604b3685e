/**
 * The event feed's items: both runs' events that the feed explains, in time order, A before B within a minute
 * and each run's own order kept. Each run's log is already in time order (events are recorded as the minutes
 * pass), so the two are merged in one pass: a sort of 40,000 events of a 100,000-trader comparison held the
 * page's thread for tens of milliseconds when its results arrived (issue 16: no task over 50 ms). A log out
 * of order (never seen) falls back to the stable sort.
 */
import type { RunEvent } from '../../engine/run/run-events.ts';
import { kindOf, type EventKind } from './explain-event.ts';

export interface FeedItem {
  id: number;
  set: 0 | 1;
  kind: EventKind;
  event: RunEvent;
}

function explained(events: readonly RunEvent[], set: 0 | 1): FeedItem[] | null {
  const items: FeedItem[] = [];
  let last = -Infinity;
  for (const event of events) {
    const kind = kindOf(event);
    if (kind === null) continue;
    if (event.step < last) return null;
    last = event.step;
    items.push({ id: 0, set, kind, event });
  }
  return items;
}

export function feedItems(a: readonly RunEvent[], b: readonly RunEvent[]): FeedItem[] {
  const first = explained(a, 0);
  const second = explained(b, 1);
  let merged: FeedItem[];
  if (first && second) {
    merged = new Array<FeedItem>(first.length + second.length);
    let i = 0;
    let j = 0;
    let k = 0;
    // B's event goes first only when strictly earlier: A before B within a minute.
    while (i < first.length && j < second.length)
      merged[k++] = second[j]!.event.step < first[i]!.event.step ? second[j++]! : first[i++]!;
    while (i < first.length) merged[k++] = first[i++]!;
    while (j < second.length) merged[k++] = second[j++]!;
  } else {
    merged = [];
    for (const [set, events] of [a, b].entries())
      for (const event of events) {
        const kind = kindOf(event);
        if (kind !== null) merged.push({ id: 0, set: set as 0 | 1, kind, event });
      }
    // A stable sort keeps each run's own order within a minute.
    merged.sort((x, y) => x.event.step - y.event.step || x.set - y.set);
  }
  for (let k = 0; k < merged.length; k++) merged[k]!.id = k;
  return merged;
}
