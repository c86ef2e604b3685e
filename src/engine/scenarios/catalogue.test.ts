import { describe, expect, it } from 'vitest';
import {
  generateIndexPath,
  HISTORICAL_EPISODES,
  isScenarioId,
  SCENARIO_IDS,
  SCENARIOS,
  scenarioInfo,
  syntheticMinutes,
} from './catalogue.ts';
import type { IndexPath, ScenarioId } from './types.ts';
import { SCENARIO_STORIES, scenarioStory } from './stories.ts';

/** Compile-time list of the union: adding an id to ScenarioId without a scenario fails here. */
const EVERY_ID: Record<ScenarioId, true> = {
  '2020-03-black-thursday': true,
  '2021-05-crash': true,
  '2022-05-luna': true,
  '2022-11-ftx': true,
  '2025-10-tariff-crash': true,
  'synthetic-calm': true,
  'synthetic-volatile': true,
  'synthetic-flash-crash': true,
  'synthetic-short-squeeze': true,
};

/** Synthetic paths at a quarter of a day keep these loops fast. */
const options = (id: ScenarioId, seed: number) =>
  scenarioInfo(id).kind === 'synthetic' ? { seed, days: 0.25 } : { seed };

/** Element by element: vitest's deep equality is slow on long typed arrays. */
function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function allPositiveFinite(path: IndexPath): boolean {
  return [...path.btc, ...path.eth].every((p) => Number.isFinite(p) && p > 0);
}

describe('scenario catalogue', () => {
  it('lists every ScenarioId once, historical episodes first', () => {
    expect([...SCENARIO_IDS].sort()).toEqual(Object.keys(EVERY_ID).sort());
    expect(new Set(SCENARIO_IDS).size).toBe(SCENARIO_IDS.length);
    expect(SCENARIOS.map((s) => s.kind)).toEqual([
      ...Array(5).fill('historical'),
      ...Array(4).fill('synthetic'),
    ]);
  });

  it('gives each scenario a title, a 2–3 sentence description, sources and its length rules', () => {
    expect(Object.keys(SCENARIO_STORIES).sort()).toEqual([...SCENARIO_IDS].sort());
    for (const s of SCENARIOS) {
      const story = scenarioStory(s.id);
      expect(story.title.length).toBeGreaterThan(5);
      const sentences = story.description.split(/(?<=\.)\s+(?=[A-Z])/);
      expect(sentences.length, s.id).toBeGreaterThanOrEqual(2);
      expect(sentences.length, s.id).toBeLessThanOrEqual(3);
      expect(story.sources.length).toBeGreaterThan(0);
      if (s.kind === 'historical') {
        expect(s.minDays).toBe(s.defaultDays);
        expect(s.maxDays).toBe(s.defaultDays);
        expect(s.startUtc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
      } else {
        expect([s.minDays, s.maxDays]).toEqual([0.25, 730]);
        expect(s.startUtc).toBeNull();
      }
    }
  });

  it('isScenarioId accepts the listed ids only', () => {
    expect(isScenarioId('2022-11-ftx')).toBe(true);
    expect(isScenarioId('2022-11')).toBe(false);
    expect(isScenarioId(3)).toBe(false);
  });

  it('refuses an unknown id, listing the allowed ones', () => {
    const message = `scenario id must be one of ${SCENARIO_IDS.join(', ')} (got "1987-10-black-monday")`;
    expect(() => scenarioInfo('1987-10-black-monday' as ScenarioId)).toThrow(message);
    expect(() => generateIndexPath('1987-10-black-monday' as ScenarioId, { seed: 1 })).toThrow(RangeError);
  });

  it('replays the same arrays from the same seed and different ones from another seed', () => {
    for (const id of SCENARIO_IDS) {
      const a = generateIndexPath(id, options(id, 42));
      const b = generateIndexPath(id, options(id, 42));
      const c = generateIndexPath(id, options(id, 43));
      expect(same(b.btc, a.btc) && same(b.eth, a.eth), id).toBe(true);
      expect(same(c.btc, a.btc), id).toBe(false);
      expect(same(c.eth, a.eth), id).toBe(false);
    }
  });

  it('gives finite positive prices, one-minute steps and days × 1440 steps', () => {
    for (const id of SCENARIO_IDS) {
      const path = generateIndexPath(id, options(id, 5));
      const days = scenarioInfo(id).kind === 'synthetic' ? 0.25 : scenarioInfo(id).defaultDays;
      expect(path.stepMinutes).toBe(1);
      expect(path.minutes, id).toBe(days * 1440);
      expect(path.btc.length).toBe(path.minutes + 1);
      expect(path.eth.length).toBe(path.minutes + 1);
      expect(allPositiveFinite(path), id).toBe(true);
    }
  });

  it('hits every historical anchor exactly (1e-9 relative), whatever the seed', () => {
    for (const { info, anchors } of HISTORICAL_EPISODES) {
      for (const seed of [0, 1, 2 ** 40]) {
        const path = generateIndexPath(info.id, { seed });
        for (const a of anchors) {
          expect(Math.abs((path.btc[a.minute] as number) / a.btc - 1), `${info.id} ${a.minute}`).toBeLessThan(
            1e-9,
          );
          expect(Math.abs((path.eth[a.minute] as number) / a.eth - 1), `${info.id} ${a.minute}`).toBeLessThan(
            1e-9,
          );
        }
      }
    }
  });

  it('uses the default synthetic length when days is omitted, and rounds days × 1440 to a minute', () => {
    expect(generateIndexPath('synthetic-flash-crash', { seed: 1 }).minutes).toBe(2 * 1440);
    expect(syntheticMinutes(0.3)).toBe(432);
    expect(syntheticMinutes(1 / 3)).toBe(480);
  });

  it('refuses a synthetic length outside 0.25–730 days', () => {
    expect(() => generateIndexPath('synthetic-calm', { seed: 1, days: 900 })).toThrow(
      'days must be between 0.25 and 730 (got 900)',
    );
    expect(() => generateIndexPath('synthetic-calm', { seed: 1, days: 0.1 })).toThrow(RangeError);
    expect(() => generateIndexPath('synthetic-calm', { seed: 1, days: NaN })).toThrow(RangeError);
  });

  it('refuses days for a historical scenario: its length is fixed', () => {
    expect(() => generateIndexPath('2022-11-ftx', { seed: 1, days: 3 })).toThrow(
      'days for 2022-11-ftx must be left out: a historical scenario has a fixed length of 5 days (got 3)',
    );
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => generateIndexPath('synthetic-calm', { seed: 1.5 })).toThrow(
      'seed must be a whole number from -9007199254740991 to 9007199254740991 (got 1.5)',
    );
  });
});
