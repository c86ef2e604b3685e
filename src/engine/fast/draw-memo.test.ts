import { describe, expect, it } from 'vitest';
import { DrawMemo } from './draw-memo.ts';

describe('DrawMemo', () => {
  it('keeps answers up to its budget, dropping the least recently used first', () => {
    const memo = new DrawMemo<string>(10);
    memo.set('a', 'A', 4);
    memo.set('b', 'B', 4);
    expect(memo.get('a')).toBe('A'); // a is now the most recently used
    memo.set('c', 'C', 4); // 12 bytes: b goes
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBe('A');
    expect(memo.get('c')).toBe('C');
    memo.set('d', 'D', 11); // larger than the budget: not kept, nothing else dropped
    expect(memo.get('d')).toBeUndefined();
    expect(memo.size).toBe(2);
    expect(memo.bytes).toBe(8);
    memo.delete('a');
    expect([memo.get('a'), memo.get('c'), memo.bytes]).toEqual([undefined, 'C', 4]);
    memo.clear();
    expect(memo.get('c')).toBeUndefined();
    expect([memo.size, memo.bytes]).toEqual([0, 0]);
  });
});
