import { describe, expect, it } from 'vitest';
import { parseFlags } from '../args.ts';
import { SCENARIO_IDS } from '../../engine/scenarios/catalogue.ts';
import { scenarioList } from './list-scenarios.ts';
import { run } from './scenario.ts';

const scenario = (...argv: string[]) => run(parseFlags(argv));

describe('scenario', () => {
  it('prints a historical path: minutes from the start, prices in cents, through the sourced low', () => {
    const r = scenario('--id', '2022-11-ftx', '--seed', '7');
    expect(r.id).toBe('2022-11-ftx');
    expect(r.t.length).toBe(5 * 1440 + 1);
    expect(r.t.slice(0, 3)).toEqual([0, 1, 2]);
    expect(r.btc.length).toBe(r.t.length);
    expect(r.eth.length).toBe(r.t.length);
    expect(Math.min(...r.btc)).toBe(15_682.69);
    expect(Math.min(...r.eth)).toBe(1_083.29);
    expect(r.alt.length).toBe(r.t.length);
    expect([r.alt[0], Math.min(...r.alt)]).toEqual([100, 40]); // §3 ALT table: −60% over 6–10 Nov
    expect(r.btc.every((p) => Math.round(p * 100) / 100 === p)).toBe(true);
  });

  it('replays the same path from the same seed (default seed 1)', () => {
    expect(scenario('--id', '2021-05-crash')).toEqual(scenario('--id', '2021-05-crash', '--seed', '1'));
    expect(scenario('--id', '2021-05-crash', '--seed', '2').btc).not.toEqual(
      scenario('--id', '2021-05-crash').btc,
    );
  });

  it('takes --days for a synthetic scenario: days × 1440 steps', () => {
    const r = scenario('--id', 'synthetic-flash-crash', '--days=0.5', '--seed=3');
    expect(r.t.length).toBe(721);
    expect([r.btc[0], r.eth[0]]).toEqual([60_000, 3_000]);
  });

  it('refuses an unknown id, listing the allowed ones', () => {
    expect(() => scenario('--id', 'black-monday')).toThrow(
      `--id must be one of ${SCENARIO_IDS.join(', ')} (got "black-monday")`,
    );
    expect(() => scenario()).toThrow(`--id is required (one of ${SCENARIO_IDS.join(', ')})`);
  });

  it('refuses --days outside 0.25–730, and any --days for a historical scenario', () => {
    expect(() => scenario('--id', 'synthetic-calm', '--days', '900')).toThrow(
      '--days must be between 0.25 and 730 (got 900)',
    );
    expect(() => scenario('--id', '2020-03-black-thursday', '--days', '3')).toThrow(
      '--days must be left out for 2020-03-black-thursday, a historical scenario with a fixed length (2 days) (got "3")',
    );
  });

  it('refuses a seed that is not a whole number, and unknown flags', () => {
    expect(() => scenario('--id', 'synthetic-calm', '--seed', '1.5')).toThrow(
      '--seed must be a whole number from -9007199254740991 to 9007199254740991 (got 1.5)',
    );
    expect(() => scenario('--id', 'synthetic-calm', '--seed', 'abc')).toThrow(
      '--seed must be a whole number from -9007199254740991 to 9007199254740991 (got "abc")',
    );
    expect(() => scenario('--id', 'synthetic-calm', '--speed', '2')).toThrow(
      'unknown flag --speed (allowed: --id, --seed, --days)',
    );
  });
});

describe('scenarioList', () => {
  it('lists every scenario with its title and kind', () => {
    const list = scenarioList();
    expect(list.map((s) => s.id)).toEqual(SCENARIO_IDS);
    expect(list[0]).toEqual({
      id: '2020-03-black-thursday',
      title: 'Black Thursday, 12–13 March 2020',
      kind: 'historical',
    });
    expect(list.filter((s) => s.kind === 'synthetic').length).toBe(4);
  });
});
