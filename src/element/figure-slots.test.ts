import { describe, expect, it } from 'vitest';
import { figureSlots, slotUse, SlotAbandoned, takeSlot } from './figure-slots.ts';

describe('figure slots (issue 19): a few figures compute at once, the rest queue in order', () => {
  it('starts at most figureSlots() at once, hands a freed slot to the next in line, and forgets the abandoned', async () => {
    const limit = figureSlots();
    expect(limit).toBeGreaterThanOrEqual(1);
    const slots = Array.from({ length: limit + 3 }, () => takeSlot());
    const started: number[] = [];
    slots.forEach(
      (slot, i) =>
        void slot.ready.then(
          () => started.push(i),
          () => {},
        ),
    );
    await Promise.resolve();
    expect(started).toEqual(Array.from({ length: limit }, (_, i) => i));
    expect(slotUse()).toEqual({ busy: limit, waiting: 3 });
    // The first waiter gives up: it is rejected and skipped.
    slots[limit]!.release();
    await expect(slots[limit]!.ready).rejects.toBeInstanceOf(SlotAbandoned);
    slots[0]!.release();
    slots[0]!.release(); // twice is once
    await Promise.resolve();
    expect(started.at(-1)).toBe(limit + 1);
    expect(slotUse()).toEqual({ busy: limit, waiting: 1 });
    for (const slot of slots) slot.release();
    expect(slotUse()).toEqual({ busy: 0, waiting: 0 });
  });
});
