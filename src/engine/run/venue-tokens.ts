/**
 * Who posts venue-priced tokens (USDe, wBETH, BNSOL: the rules' "other crypto") as margin collateral instead of cash.
 * Where the broker takes them, a share of its margin clients posts the whole margin deposit in them (yield-
 * bearing collateral earns while it backs the loan). The share is an assumption: no source says how much
 * offshore margin collateral was in such tokens; Binance's $283m compensation after 10 Oct 2025 (guardrails
 * §3) shows it was not negligible. Where the rules refuse them (HK: BTC and ETH only, guardrails A5) nobody
 * posts them. Drawn in createRun from a stream forked from the seed with its own salt, so the population's
 * own draws, and every run whose rules refuse the tokens, are unchanged. The personas post cash, so each
 * keeps the story the lessons tell about it.
 */
import { forkPrng, nextFloat, seedPrng } from '../prng.ts';
import type { RegimeRules } from '../regimes/types.ts';
import { isPersona } from '../population/population.ts';

/** Share of margin clients who post their deposit in venue-priced tokens (assumption, see above). */
export const VENUE_TOKEN_HOLDER_SHARE = 0.5;

const TOKEN_STREAM_SALT = 0x70c3a11d;

/** 1 for each trader who would post tokens as a margin client under these rules. */
export function drawVenueTokenHolders(regime: RegimeRules, seed: number, traders: number): Uint8Array {
  const holders = new Uint8Array(traders);
  if (!regime.financing.collateral['other-crypto'].eligible) return holders;
  const stream = forkPrng(seedPrng(seed), TOKEN_STREAM_SALT);
  for (let i = 0; i < traders; i++) {
    const draw = nextFloat(stream);
    holders[i] = !isPersona(i) && draw < VENUE_TOKEN_HOLDER_SHARE ? 1 : 0;
  }
  return holders;
}
