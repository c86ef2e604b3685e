import { createRun } from '../src/engine/run/run-state.ts';
import { DEFAULT_POPULATION } from '../src/engine/population/settings.ts';
const [scenario, seed] = process.argv.slice(2);
const run = createRun({ scenario: scenario as any, regime: 'offshore-cex', seed: +seed, population: { ...DEFAULT_POPULATION, traders: 10 }, affiliatedMarketMaker: false } as any);
for (const id of ['BTC', 'ETH'] as const) {
  const s = id === 'BTC' ? run.path.btc : run.path.eth;
  const rets: [number, number, number][] = [];
  for (let t = 1; t < s.length; t++) rets.push([s[t]! / s[t - 1]! - 1, t, run.intraMinute[id].lowDepth[t]!]);
  rets.sort((a, b) => a[0] - b[0]);
  console.log(id, rets.slice(0, 8).map((r) => `${r[1]}:${(r[0] * 100).toFixed(2)}% low-${(r[2] * 100).toFixed(2)}%`).join(' '));
  const lows = [...run.intraMinute[id].lowDepth].sort((a, b) => b - a);
  console.log('  deepest wicks', lows.slice(0, 5).map((x) => (x * 100).toFixed(2)).join(' '), 'median', (lows[lows.length >> 1]! * 100).toFixed(3));
  let min = Infinity, at = 0; for (let t = 0; t < s.length; t++) if (s[t]! < min) { min = s[t]!; at = t; }
  console.log('  open', s[0]!.toFixed(0), 'min', min.toFixed(0), 'at', at, 'drop', ((min / s[0]! - 1) * 100).toFixed(1));
}
