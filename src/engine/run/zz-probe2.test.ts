import { it } from 'vitest';
import { WORKER_RUN_SETTINGS } from '../../../workers/run-settings.ts';
import { MARKET_IDS } from '../perp/market.ts';
import { DEFAULT_POPULATION } from '../population/settings.ts';
import { DEFAULT_RUN } from './config.ts';
import { createRun } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
it('probe', () => {
  const W = { A: [600, 720], B: [1380, 1620] } as const;
  const rows: string[] = [];
  const agg: Record<string, number[][]> = { A: [], B: [] };
  for (let seed = 1; seed <= 20; seed++) {
    const run = createRun({ ...DEFAULT_RUN, ...WORKER_RUN_SETTINGS, scenario: '2020-03-black-thursday', regime: 'offshore-cex', seed, population: DEFAULT_POPULATION });
    const r: Record<string, { disc: number; depth: number; oi: number; liq0: number; liq: number }> = {
      A: { disc: 0, depth: 1, oi: 0, liq0: 0, liq: 0 },
      B: { disc: 0, depth: 1, oi: 0, liq0: 0, liq: 0 },
    };
    while (!isFinished(run)) {
      stepRun(run);
      const ex = run.onshore.exchange;
      for (const k of ['A', 'B'] as const) {
        const [a, b] = W[k];
        if (run.minute === a) {
          r[k]!.oi = MARKET_IDS.reduce((s, id) => s + ex.markets[id].longOpenInterest * ex.markets[id].indexPrice, 0);
          r[k]!.liq0 = run.tally.liquidatedNotional;
        }
        if (run.minute >= a && run.minute <= b) {
          for (const id of MARKET_IDS) {
            const m = ex.markets[id];
            r[k]!.disc = Math.min(r[k]!.disc, m.tradedPrice / m.indexPrice - 1);
            r[k]!.depth = Math.min(r[k]!.depth, run.onshore.impact.depthShare[id]);
          }
        }
        if (run.minute === b) r[k]!.liq = run.tally.liquidatedNotional - r[k]!.liq0;
      }
    }
    for (const k of ['A', 'B']) agg[k]!.push([r[k]!.disc, r[k]!.depth, r[k]!.oi, r[k]!.liq]);
    rows.push(`${seed}: A disc ${(r.A!.disc * 100).toFixed(1)}% depth ${(r.A!.depth * 100).toFixed(1)}% OI ${(r.A!.oi / 1e3).toFixed(0)}k liq ${(r.A!.liq / 1e3).toFixed(0)}k | B disc ${(r.B!.disc * 100).toFixed(1)}% depth ${(r.B!.depth * 100).toFixed(1)}% OI ${(r.B!.oi / 1e3).toFixed(0)}k liq ${(r.B!.liq / 1e3).toFixed(0)}k`);
  }
  const med = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return (s[9]! + s[10]!) / 2; };
  for (const k of ['A', 'B']) rows.push(`${k} medians: disc ${(med(agg[k]!.map((x) => x[0]!)) * 100).toFixed(2)}% depth ${(med(agg[k]!.map((x) => x[1]!)) * 100).toFixed(1)}% OI ${(med(agg[k]!.map((x) => x[2]!)) / 1e3).toFixed(0)}k liq ${(med(agg[k]!.map((x) => x[3]!)) / 1e3).toFixed(0)}k; disc<=-3%: ${agg[k]!.filter((x) => x[0]! <= -0.03).length}`);
  console.log(rows.join('\n'));
});
