/**
 * The FTX episode's venue failure (issue 21; issue 15 "every guardrail matters": rehypothecationShare). On
 * 11 Nov 2022 00:00 UTC, the end of the path, the run's margin broker fails: under the offshore preset it
 * re-used its clients' crypto collateral (rehypothecationShare 1, a labelled assumption) and they lose it,
 * net of the debt set off; under HK's 26EC5 (A7: no re-use) the same failure costs them nothing.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { runScenario } from './run.ts';

const FTX_END = 5 * 24 * 60; // 6 Nov 00:00 → 11 Nov 00:00 UTC

const config = (over: Partial<RunConfig>): RunConfig => ({
  ...DEFAULT_RUN,
  scenario: '2022-11-ftx',
  population: { ...DEFAULT_RUN.population, traders: 300 },
  ...over,
});

describe('venue failure in the FTX episode', () => {
  it('costs the re-using venue’s margin clients their re-used collateral and HK clients nothing', () => {
    const offshore = runScenario(config({ regime: 'offshore-cex' }));
    const hk = runScenario(config({ regime: 'hk-sfc-2026' }));
    expect(offshore.summary.venueFailure.minute).toBe(FTX_END);
    const losses = offshore.events.filter((e) => e.type === 'broker-failure-loss');
    expect(losses.length).toBeGreaterThan(0);
    // Share 1: every unit of crypto collateral goes; the client loses it less what it owed.
    for (const e of losses) expect(e.netLoss).toBeCloseTo(e.value - e.setOff, 6);
    expect(offshore.summary.venueFailure.clientLoss).toBeCloseTo(
      losses.reduce((s, e) => s + e.netLoss, 0),
      6,
    );
    expect(offshore.summary.venueFailure.clientLoss).toBeGreaterThan(0);
    expect(hk.summary.venueFailure).toEqual({ minute: FTX_END, clientLoss: 0 });
    expect(hk.events.some((e) => e.type === 'broker-failure-loss')).toBe(false);
  }, 30_000);

  it('forbidding re-use offshore (rehypothecationShare 0) removes the loss and changes the run', () => {
    const reused = runScenario(config({ regime: 'offshore-cex' }));
    const kept = runScenario(
      config({ regime: 'offshore-cex', overrides: { 'financing.rehypothecationShare': 0 } }),
    );
    expect(kept.summary.venueFailure.clientLoss).toBe(0);
    expect(kept.summary.checksum).not.toBe(reused.summary.checksum);
    expect(kept.summary.byClass.retail.pnl + kept.summary.byClass.professional.pnl).toBeGreaterThan(
      reused.summary.byClass.retail.pnl + reused.summary.byClass.professional.pnl,
    );
  }, 30_000);

  it('no other scenario has a failure', () => {
    expect(
      runScenario(config({ scenario: '2020-03-black-thursday', regime: 'offshore-cex' })).summary
        .venueFailure,
    ).toEqual({ minute: null, clientLoss: 0 });
  });
});
