/**
 * The feed's merge of two runs' logs against the plain stable sort it replaced (the oracle): the same items in
 * the same order, on real comparisons and on logs whose minutes are drawn at random.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RUN } from '../../engine/run/config.ts';
import { runScenario } from '../../engine/run/run.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';
import { kindOf } from './explain-event.ts';
import { feedItems } from './feed-items.ts';

function sorted(a: readonly RunEvent[], b: readonly RunEvent[]) {
  const merged = [a, b].flatMap((events, set) =>
    events.flatMap((event) => {
      const kind = kindOf(event);
      return kind === null ? [] : [{ set, kind, event }];
    }),
  );
  merged.sort((x, y) => x.event.step - y.event.step || x.set - y.set);
  return merged.map((item, id) => ({ ...item, id }));
}

describe('feed items', () => {
  it('merge a real comparison as the stable sort does (A before B within a minute)', () => {
    const [a, b] = (['hk-sfc-2026', 'offshore-cex'] as const).map(
      (regime) => runScenario({ ...DEFAULT_RUN, regime, eventLog: 'all' }).events,
    );
    const items = feedItems(a!, b!);
    expect(items.length).toBeGreaterThan(100);
    expect(new Set(items.map((item) => item.event.step)).size).toBeLessThan(items.length); // minutes shared
    expect(items).toEqual(sorted(a!, b!));
  });

  it('merge logs with random minutes as the stable sort does, in order or not', () => {
    const types = ['liquidation', 'adl', 'funding', 'margin-call', 'product-refused'] as const;
    const log = fc.array(fc.record({ step: fc.nat({ max: 30 }), type: fc.constantFrom(...types) }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(log, log, fc.boolean(), (x, y, inOrder) => {
        const asEvents = (list: typeof x) => {
          const events = list.map((e, k) => ({ ...e, trader: k }) as unknown as RunEvent);
          return inOrder ? events.sort((p, q) => p.step - q.step) : events;
        };
        const [a, b] = [asEvents(x), asEvents(y)];
        expect(feedItems(a, b)).toEqual(sorted(a, b));
      }),
    );
  });
});
