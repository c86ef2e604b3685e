/**
 * Who wants the ALT perpetual (doc/model.md "ALT"): a share of the perpetual traders, of either class, would
 * rather trade the high-beta altcoin than BTC or ETH. The share is an assumption: in the public reconstruction
 * of Hyperliquid's ADL on 10 Oct 2025, 49% of the notional was outside BTC and ETH, spread over 160 tickers
 * (guardrails §3); one generic ALT stands for them, and a quarter of the traders keeps BTC and ETH each the
 * larger market, as each was larger than any single altcoin there. Drawn in createRun from a stream forked
 * from the seed with its own salt, so the population's own draws are unchanged. The personas keep BTC.
 */
import { fillFloats, forkPrng, seedPrng } from '../prng.ts';
import { isPersona, PRODUCT_CODES, type Population } from '../population/population.ts';

/** Share of perpetual traders who want ALT (assumption, see above). */
export const ALT_TRADER_SHARE = 0.25;

const ALT_STREAM_SALT = 0xa17c_0e15;

/** Traders whose uniforms are drawn at a time (8 kB kept for the module's life). */
const CHUNK_TRADERS = 1024;
const draws = new Float64Array(CHUNK_TRADERS);

/** 1 for each trader who wants the ALT perpetual rather than the BTC or ETH one it drew. */
export function drawAltTraders(population: Population, seed: number): Uint8Array {
  const n = population.count;
  const wants = new Uint8Array(n);
  const stream = forkPrng(seedPrng(seed), ALT_STREAM_SALT);
  const perp = PRODUCT_CODES.indexOf('perp');
  // One uniform a trader, drawn in bulk (prng.ts fillFloats: nextFloat's numbers; issue 16), parked in `draws`.
  for (let from = 0; from < n; from += CHUNK_TRADERS) {
    const to = Math.min(n, from + CHUNK_TRADERS);
    fillFloats(stream, draws, 0, to - from);
    for (let i = from; i < to; i++)
      wants[i] =
        !isPersona(i) && population.product[i] === perp && draws[i - from]! < ALT_TRADER_SHARE ? 1 : 0;
  }
  return wants;
}
