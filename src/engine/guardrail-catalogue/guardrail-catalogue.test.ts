/**
 * Every guardrail the app shows is in the catalogue, and every recorded demonstration still does what the
 * catalogue says: a simulated guardrail's demonstration changes the run's checksum; a guardrail marked not
 * simulated changes nothing (when that fails, the engine now acts on it: flip it to `simulated: true`).
 */
import { describe, expect, it } from 'vitest';
import { GUARDRAIL_KEYS, REGIMES, guardrailValue } from '../regimes/index.ts';
import { runScenario } from '../run/run.ts';
import type { RunConfig } from '../run/config.ts';
import { GUARDRAIL_CATALOGUE, demonstrationConfigs, entriesOf, isSimulated, settingPath } from './index.ts';

const checksums = new Map<string, string>();
function checksumOf(config: RunConfig): string {
  const id = JSON.stringify(config);
  let sum = checksums.get(id);
  if (sum === undefined) {
    sum = runScenario({ ...config, eventLog: 'notable' }).summary.checksum;
    checksums.set(id, sum);
  }
  return sum;
}

describe('the guardrail catalogue', () => {
  it('covers every guardrail the app shows, each key once, each a path the rule set has', () => {
    const keys = GUARDRAIL_CATALOGUE.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const guardrail of GUARDRAIL_KEYS) expect(entriesOf(guardrail).length, guardrail).toBeGreaterThan(0);
    for (const entry of GUARDRAIL_CATALOGUE) {
      expect(entry.title.length, entry.key).toBeGreaterThan(0);
      expect(Object.keys(entry.demonstration.set), entry.key).toContain(entry.key);
      expect(() => settingPath(entry.key)).not.toThrow();
    }
  });

  it('reads a guardrail as simulated when any of its fields is', () => {
    expect(isSimulated('financing.collateral.BTC')).toBe(true);
    expect(isSimulated('financing.collateral.other-crypto')).toBe(
      entriesOf('financing.collateral.other-crypto').some((e) => e.simulated),
    );
  });

  it('records demonstrations that set a value other than the preset’s', () => {
    for (const { key, demonstration } of GUARDRAIL_CATALOGUE) {
      const { base, changed } = demonstrationConfigs(demonstration);
      const { guardrail } = settingPath(key);
      expect(changed.overrides?.[guardrail], key).not.toEqual(
        guardrailValue(REGIMES[base.regime], guardrail),
      );
    }
  });

  describe.each(GUARDRAIL_CATALOGUE.map((e) => [e.key, e] as const))('%s', (_key, entry) => {
    const { base, changed } = demonstrationConfigs(entry.demonstration);
    if (entry.simulated)
      it('changes the outcome in its demonstration', () => {
        expect(checksumOf(changed)).not.toBe(checksumOf(base));
      });
    else
      it('changes nothing today (not simulated; flip it to simulated: true when this fails)', () => {
        expect(checksumOf(changed)).toBe(checksumOf(base));
      });
  });
});
