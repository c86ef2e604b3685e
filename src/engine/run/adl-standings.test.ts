/**
 * The frame's ADL standings (queue head and lights) come from one scoring pass and a selection, not a sort
 * (issue 16). Checked here against the plain definition on real runs under each ranking method: the queue
 * sorted by score (ties: lower account first), its first traders, each trader's rank in quintiles; and each
 * score against the candidate-object score of adl-ranking.ts.
 */
import { describe, expect, it } from 'vitest';
import { adlLights, adlScore, type AdlMethod } from '../perp/adl-ranking.ts';
import { adlQueue, boardHeads, boardLights, createAdlBoard, scoreBoard } from '../perp/adl.ts';
import { isolatedEquity, pendingCharges } from '../perp/margin.ts';
import { MARKET_IDS } from '../perp/market.ts';
import { unrealisedPnl } from '../perp/position.ts';
import { maintenanceMargin } from '../perp/tiers.ts';
import { DEFAULT_RUN } from './config.ts';
import { createRun } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';

const METHODS: AdlMethod[] = ['binance', 'bitmex', 'hyperliquid'];

/** The classroom config offshore with 300 traders, nobody leaving for another venue, under one ADL method. */
function offshoreRun(method: AdlMethod) {
  return createRun({
    ...DEFAULT_RUN,
    regime: 'offshore-cex',
    population: { ...DEFAULT_RUN.population, traders: 300, leakage: 0 },
    overrides: { 'perp.lossAllocation': method },
  });
}

describe('ADL standings by selection', () => {
  it.each(METHODS)(
    '%s: head and lights equal the sorted queue, scores equal the candidate score',
    (method) => {
      const run = offshoreRun(method);
      const state = run.onshore.exchange;
      const board = createAdlBoard();
      let compared = 0;
      while (!isFinished(run)) {
        stepRun(run);
        if (run.minute % 15 !== 0) continue;
        for (const market of MARKET_IDS) {
          scoreBoard(board, state, market, method);
          // Heads of different lengths on the two sides, so a side's length cannot stand in for the other's.
          const heads = { 1: Array<number>(5).fill(7), [-1]: Array<number>(4).fill(7) };
          boardHeads(board, run.onshore.traderOf, heads[1], heads[-1]);
          // No lights for an account with no position here (the board's place of one that has left is stale).
          for (const account of state.accounts)
            if (!account.positions[market]) expect(boardLights(board, account.id)).toBeNull();
          for (const side of [1, -1] as const) {
            const queue = adlQueue(state, market, side, method);
            const traders = queue.map((e) => run.onshore.traderOf[e.account] ?? -1).filter((t) => t >= 0);
            const expected = Array.from({ length: heads[side].length }, (_, k) => traders[k] ?? -1);
            expect(heads[side]).toEqual(expected);
            // The board's side holds the queue's positions with the queue's scores, bit for bit.
            const boardSide = side > 0 ? board.long : board.short;
            expect(boardSide.length).toBe(queue.length);
            const boardScore = new Map<number, number>();
            for (let j = 0; j < boardSide.scored; j++)
              boardScore.set(boardSide.accounts[j]!, boardSide.scores[j]!);
            // The zeros are kept apart, by account alone: each position there scores 0 in the queue.
            const zeros = new Set<number>();
            for (let j = 0; j < boardSide.zeros; j++) zeros.add(boardSide.zeroAccounts[j]!);
            expect(boardScore.size + zeros.size).toBe(queue.length);
            queue.forEach((entry, rank) => {
              if (zeros.has(entry.account)) expect(entry.score).toBe(0);
              else expect(Object.is(boardScore.get(entry.account), entry.score)).toBe(true);
              expect(entry.score === 0).toBe(zeros.has(entry.account));
              expect(boardLights(board, entry.account)).toBe(adlLights(rank + 1, queue.length));
              const account = state.accounts[entry.account]!;
              const position = account.positions[market]!;
              const m = state.markets[market];
              const qty = Math.abs(position.size);
              const notional = qty * m.markPrice;
              const wallet =
                position.mode === 'isolated'
                  ? isolatedEquity(position, m) - unrealisedPnl(position, m.markPrice)
                  : account.wallet - pendingCharges(position, m);
              const candidate = adlScore(
                {
                  id: String(account.id),
                  side: side > 0 ? 'long' : 'short',
                  qty,
                  entry: position.entryPrice,
                  mark: m.markPrice,
                  wallet,
                  mmr: notional > 0 ? maintenanceMargin(m.tiers, notional) / notional : 0,
                },
                method,
              );
              expect(Object.is(entry.score, candidate)).toBe(true);
              compared++;
            });
          }
        }
      }
      // The runs had queues to compare (every trader's standing at every 15th minute).
      expect(compared).toBeGreaterThan(1_000);
    },
  );

  it.each(METHODS)(
    '%s: a board kept from frame to frame (positions copied, re-read after a touch) scores as a fresh one',
    (method) => {
      const run = offshoreRun(method);
      const state = run.onshore.exchange;
      const kept = createAdlBoard();
      let compared = 0;
      while (!isFinished(run)) {
        // Each step takes a frame (every minute), whose equity by class stamps the accounts touched since.
        stepRun(run);
        scoreBoard(kept, state, 'BTC', method, run.classEquity.accountStamps[0]);
        const fresh = createAdlBoard();
        scoreBoard(fresh, state, 'BTC', method);
        for (const side of ['long', 'short'] as const) {
          const a = kept[side];
          const b = fresh[side];
          expect([a.scored, a.zeros]).toEqual([b.scored, b.zeros]);
          for (let j = 0; j < a.scored; j++) {
            expect(a.accounts[j]).toBe(b.accounts[j]);
            expect(Object.is(a.scores[j], b.scores[j])).toBe(true);
          }
          for (let j = 0; j < a.zeros; j++) expect(a.zeroAccounts[j]).toBe(b.zeroAccounts[j]);
          compared += a.length;
        }
      }
      expect(compared).toBeGreaterThan(10_000);
    },
  );
});
