import { createRun } from '../src/engine/run/run-state.ts';
import { stepRun, isFinished } from '../src/engine/run/step-run.ts';
import { DEFAULT_POPULATION } from '../src/engine/population/settings.ts';
const [scenario, regime, traders, s0, n] = process.argv.slice(2);
for (let seed = +s0; seed < +s0 + +n; seed++) {
  const run = createRun({ scenario: scenario as any, regime: regime as any, seed, population: { ...DEFAULT_POPULATION, traders: +traders }, affiliatedMarketMaker: false, eventLog: 'all' } as any);
  while (!isFinished(run)) stepRun(run);
  const settle: Record<string, number> = {};
  let minShare = 1;
  for (const e of run.events as any[]) {
    const p = e; if (p.venue !== "onshore") continue;
    if (p.type === 'liquidation') settle[p.settlement] = (settle[p.settlement] ?? 0) + 1;
    if (p.type === 'adl' || p.type === 'insurance-draw' || p.type === 'bad-debt') settle[p.type] = (settle[p.type] ?? 0) + 1;
  }
  console.log(seed, JSON.stringify(settle), 'fund', run.onshore.exchange.markets.BTC.insuranceFund.toFixed(0), run.onshore.exchange.markets.ETH.insuranceFund.toFixed(0), 'maxDis', run.tally.maxDislocation.toFixed(4));
}
