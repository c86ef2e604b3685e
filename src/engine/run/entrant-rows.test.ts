import { describe, expect, it } from 'vitest';
import { EntrantRows } from './entrant-rows.ts';
import { DEFAULT_RUN } from './config.ts';
import { createRun } from './run-state.ts';

describe("the entrants' rows", () => {
  it('give the k-th trader to enter its own draws, for every trader (offshore: ALT and venue tokens)', () => {
    const run = createRun({
      ...DEFAULT_RUN,
      regime: 'offshore-cex',
      population: { ...DEFAULT_RUN.population, traders: 400 },
    });
    const p = run.population;
    const rows = new EntrantRows(run);
    let alt = 0;
    let tokens = 0;
    for (let k = 0; k < p.count; k++) {
      const i = run.entryOrder[k]!;
      const got = [
        rows.entryMinute(k),
        rows.deployShare(k),
        rows.leverageWish(k),
        rows.takeProfitRoe(k),
        rows.stopLossRoe(k),
        rows.capital(k),
        rows.securities(k),
        rows.product(k),
        rows.direction(k),
        rows.newAccount(k),
        rows.isolated(k),
        rows.asset(k),
        rows.wantsAlt(k),
        rows.venueTokenHolder(k),
        rows.professional(k),
      ];
      const drawn = [
        p.entryMinute[i],
        p.deployShare[i],
        p.leverageWish[i],
        p.takeProfitRoe[i],
        p.stopLossRoe[i],
        p.capital[i],
        p.securities[i],
        p.product[i],
        p.direction[i],
        p.newAccount[i],
        p.isolated[i],
        p.asset[i],
        run.wantsAlt[i],
        run.venueTokenHolder[i],
        p.professional[i],
      ];
      expect(got, `entrant ${k} (trader ${i})`).toEqual(drawn);
      alt += run.wantsAlt[i]!;
      tokens += run.venueTokenHolder[i]!;
    }
    // The run draws both flags for some traders, so a row that dropped them would fail above.
    expect(alt).toBeGreaterThan(0);
    expect(tokens).toBeGreaterThan(0);
  });
});
