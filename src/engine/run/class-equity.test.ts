/**
 * The incremental equity by class (the charts' equity lines) against the plain sum it replaces: every broker
 * client valued at the step's prices, every open perpetual account at mark with its unsettled funding and
 * losses. Checked after every step of crash runs with liquidations, ADL, socialised losses, margin calls and
 * hourly interest, in both engines.
 */
import { describe, expect, it } from 'vitest';
import { BROKER_ASSETS } from '../broker/broker-state.ts';
import { settleInterest } from '../broker/interest-book.ts';
import { touchAccount } from '../perp/exchange.ts';
import { accountEquity } from '../perp/margin.ts';
import { DEFAULT_RUN, type RunConfig } from './config.ts';
import { createRun, type RunState } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';

function plainByClass(run: RunState): [number, number] {
  const ce = run.classEquity;
  const out: [number, number] = [0, 0];
  for (const k of [0, 1] as const) out[k] = ce.waiting[k]! + ce.reserve[k]! + ce.settledPerps[k]!;
  const broker = run.broker;
  for (const client of broker.clients) {
    const k = run.population.professional[run.brokerTraderOf[client.id]!]!;
    settleInterest(client);
    let value = client.cash - client.principal - client.interest;
    for (const asset of BROKER_ASSETS) value += client.holdings[asset] * broker.prices[asset];
    out[k]! += value;
  }
  for (let i = 0; i < run.population.count; i++) {
    if (!run.openPerps[i]) continue;
    const venue = run.venueOf[i] === 1 ? run.onshore : run.offshore!;
    out[run.population.professional[i]!]! += accountEquity(
      venue.exchange.accounts[run.accountOf[i]!]!,
      venue.exchange.markets,
    );
  }
  return out;
}

const configs: [string, Partial<RunConfig>][] = [
  ['Oct 2025 crash, offshore', { regime: 'offshore-cex' }],
  ['Oct 2025 crash, Hong Kong with leakage', { regime: 'hk-sfc-2026' }],
  ['LUNA, on-chain perpetual DEX', { scenario: '2022-05-luna', regime: 'onchain-perp-dex' }],
  [
    'flash crash, socialised losses, no insurance fund',
    {
      scenario: 'synthetic-flash-crash',
      days: 2,
      regime: 'offshore-cex',
      overrides: { 'perp.lossAllocation': 'socialised', 'perp.insuranceFundStart': 0 },
    },
  ],
];

describe('equity by class, kept incrementally', () => {
  for (const engine of ['fast', 'reference'] as const)
    for (const [name, over] of configs)
      it(`equals the plain sum after every step (${name}, ${engine})`, { timeout: 60_000 }, () => {
        const run = createRun({
          ...DEFAULT_RUN,
          population: { ...DEFAULT_RUN.population, traders: 300, leakage: 0.4 },
          engine,
          ...over,
        });
        let steps = 0;
        let worst = 0;
        while (!isFinished(run)) {
          stepRun(run);
          if (steps++ % 7 !== 0) continue;
          const incremental = run.classEquity.byClass(run);
          const plain = plainByClass(run);
          for (const k of [0, 1]) {
            const error = Math.abs(incremental[k]! - plain[k]!) / Math.max(1, Math.abs(plain[k]!));
            worst = Math.max(worst, error);
          }
        }
        expect(steps).toBeGreaterThan(100);
        expect(worst).toBeLessThan(1e-9);
      });

  it("refuses a position outside the trader's one market rather than leave it uncounted", () => {
    const run = createRun({ ...DEFAULT_RUN, population: { ...DEFAULT_RUN.population, traders: 300 } });
    while (!isFinished(run) && !run.openPerps.includes(1)) stepRun(run);
    const i = run.openPerps.indexOf(1);
    expect(i).toBeGreaterThanOrEqual(0);
    run.classEquity.byClass(run);
    const exchange = (run.venueOf[i] === 1 ? run.onshore : run.offshore!).exchange;
    const account = exchange.accounts[run.accountOf[i]!]!;
    const own = (['BTC', 'ETH', 'ALT'] as const)[run.perpMarket[i]!]!;
    const other = own === 'BTC' ? 'ETH' : 'BTC';
    account.positions[other] = {
      size: 1,
      entryPrice: 1,
      mode: 'cross',
      isolatedMargin: 0,
      leverage: 1,
      fundingSnapshot: 0,
      lossSnapshot: 0,
    };
    touchAccount(exchange, account.id);
    expect(() => run.classEquity.byClass(run)).toThrow(/outside its market/);
  });
});
