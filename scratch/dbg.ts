
import { openAccount } from '../src/engine/perp/exchange.ts';
import { fixedSpreadSeam } from '../src/engine/perp/market-seam.ts';
import { placeMarketOrder } from '../src/engine/perp/orders.ts';
import { stepExchange } from '../src/engine/perp/step.ts';
import { testVenue } from '../src/engine/perp/test-support.ts';
{
  const seam = fixedSpreadSeam(0);
  const state = testVenue();
  const long = openAccount(state, 'trader', 'professional', 5_000);
  const short = openAccount(state, 'trader', 'professional', 5_000);
  const ev: any[] = [];
  console.log(placeMarketOrder(state, seam, { account: long, market: 'BTC', side: 'long', qty: 1, leverage: 10, mode: 'isolated' }, ev));
  console.log(placeMarketOrder(state, seam, { account: short, market: 'BTC', side: 'short', qty: 1, leverage: 10, mode: 'isolated' }, ev));
  console.log(JSON.stringify(ev.filter(e=>e.type!=='fill')));
}
{
  const seam = fixedSpreadSeam(0);
  const state = testVenue();
  const long = openAccount(state, 'trader', 'professional', 5_000);
  const short = openAccount(state, 'trader', 'professional', 5_000);
  const ev: any[] = [];
  placeMarketOrder(state, seam, { account: long, market: 'BTC', side: 'long', qty: 1, leverage: 10, mode: 'isolated' }, ev);
  placeMarketOrder(state, seam, { account: short, market: 'BTC', side: 'short', qty: 1, leverage: 10, mode: 'isolated' }, ev);
  const e2: any[] = [];
  stepExchange(state, { BTC: { index: 49000, traded: 49000, low: 44_000, high: 56_000 }, ETH: { index: 2500, traded: 2500 } }, seam, e2);
  console.log(JSON.stringify(e2), state.markets.BTC.markPrice, JSON.stringify(state.accounts[long]));
}
