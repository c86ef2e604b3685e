import { createRun } from '../src/engine/run/run-state.ts';
import { stepRun, isFinished } from '../src/engine/run/step-run.ts';
import { DEFAULT_POPULATION } from '../src/engine/population/settings.ts';
const [regime, seed] = process.argv.slice(2);
const run = createRun({ scenario: (process.argv[4] ?? '2025-10-tariff-crash') as any, regime: regime as any, seed: +seed, population: DEFAULT_POPULATION, affiliatedMarketMaker: false, eventLog: 'all' } as any);
while (!isFinished(run)) stepRun(run);
const ev = run.events as any[];
const interesting = ev.filter((e) => e.venue === 'onshore' && ((e.type === 'liquidation' && e.settlement !== 'within-margin' && e.settlement !== 'backstop') || e.type === 'insurance-draw' || e.type === 'adl'));
for (const e of interesting.slice(0, 8)) console.log(JSON.stringify(e));
const adls = ev.filter((e) => e.venue === 'onshore' && e.type === 'adl');
console.log('adl events', adls.length, 'with a trader counterparty', adls.filter((e) => e.trader !== null).length);
for (const e of adls.filter((e) => e.trader !== null).slice(0, 2)) {
  console.log(JSON.stringify(e));
  console.log(JSON.stringify(ev.find((x) => x.type === 'liquidation' && x.venue === 'onshore' && x.step === e.step && x.account === e.bankruptAccount)));
}
