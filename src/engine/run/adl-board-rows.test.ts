/**
 * A run's frames score the ADL board from rows kept from frame to frame, each trader's read again only after
 * the venue reports its account touched (perp/adl-board-rows.ts). Checked here through the run itself: at every
 * frame, the queue head and the followed traders' lights the run recorded equal those of the board scored
 * afresh from the accounts, under each ranking method, in a crash with liquidations and deleveraging (the
 * liquidity provider's wallet moving untouched), with frames every minute and every few minutes.
 */
import { describe, expect, it } from 'vitest';
import type { AdlMethod } from '../perp/adl-ranking.ts';
import { boardHeads, boardLights, createAdlBoard, scoreBoard, type AdlBoardSide } from '../perp/adl.ts';
import { MARKET_IDS } from '../perp/market.ts';
import { DEFAULT_RUN } from './config.ts';
import { createRun } from './run-state.ts';
import { isFinished, stepRun } from './step-run.ts';
import { beginStandings, FrameStandings, QUEUE_HEAD } from './traces.ts';
import { VENUE } from './trader-codes.ts';

const CASES: [AdlMethod, number][] = [
  ['binance', 1],
  ['bitmex', 1],
  ['hyperliquid', 1],
  ['binance', 7],
];

describe('ADL board from kept rows', () => {
  it.each(CASES)('%s, a frame every %i minutes: head and lights equal a fresh scoring', (method, every) => {
    const run = createRun({
      ...DEFAULT_RUN,
      regime: 'offshore-cex',
      frameEveryMinutes: every,
      population: { ...DEFAULT_RUN.population, traders: 300, leakage: 0 },
      follow: Array.from({ length: 40 }, (_, k) => 3 + k * 7),
      overrides: { 'perp.lossAllocation': method },
    });
    const state = run.onshore.exchange;
    const board = createAdlBoard();
    const long = Array<number>(QUEUE_HEAD).fill(-1);
    const short = Array<number>(QUEUE_HEAD).fill(-1);
    let lit = 0;
    let frames = 0;
    while (!isFinished(run)) {
      const before = run.queues.length;
      stepRun(run);
      const frame = run.queues.length - 1;
      // The first step also records the frame of minute 0, taken before it moved anything.
      if (run.queues.length === before || run.frames.columns.minute[frame] !== run.minute) continue;
      frames++;
      scoreBoard(board, state, 'BTC', method);
      boardHeads(board, run.onshore.traderOf, long, short);
      for (let j = 0; j < QUEUE_HEAD; j++) {
        expect(run.queues.long[frame * QUEUE_HEAD + j]).toBe(long[j]);
        expect(run.queues.short[frame * QUEUE_HEAD + j]).toBe(short[j]);
      }
      run.followed.forEach((i, k) => {
        if (run.venueOf[i] !== VENUE.onshore) return;
        const market = MARKET_IDS[run.perpMarket[i]!]!;
        const account = run.accountOf[i]!;
        if (!state.accounts[account]!.positions[market]) return;
        const fresh = createAdlBoard();
        scoreBoard(fresh, state, market, method);
        const lights = boardLights(fresh, account) ?? 0;
        expect(run.traces.columns[k]!.adlLights[frame]).toBe(lights);
        if (lights > 0) lit++;
      });
    }
    expect(frames).toBeGreaterThan(100);
    expect(lit).toBeGreaterThan(500);
  });

  it.each(['binance', 'bitmex', 'hyperliquid'] as const)(
    '%s: every board scored from kept rows equals a fresh scoring, score for score',
    (method) => {
      // No frames of the run's own between its first and last minute: this test notes and drains the touches.
      const run = createRun({
        ...DEFAULT_RUN,
        regime: 'offshore-cex',
        frameEveryMinutes: Number.MAX_SAFE_INTEGER,
        population: { ...DEFAULT_RUN.population, traders: 300, leakage: 0 },
        overrides: { 'perp.lossAllocation': method },
      });
      const state = run.onshore.exchange;
      const standings = new FrameStandings();
      const fresh = createAdlBoard();
      let scored = 0;
      const parted: string[] = [];
      stepRun(run);
      while (run.minute < run.path.minutes - 1) {
        stepRun(run);
        beginStandings(run, standings);
        run.classEquity.byClass(run); // drains the touched accounts, as a frame's row does
        for (const market of MARKET_IDS) {
          const kept = standings.board(state, market, method);
          scoreBoard(fresh, state, market, method);
          if (!sameSide(kept.long, fresh.long) || !sameSide(kept.short, fresh.short))
            parted.push(`${market} at minute ${run.minute}`);
          scored += fresh.long.length + fresh.short.length;
        }
      }
      expect(parted).toEqual([]);
      expect(scored).toBeGreaterThan(10_000);
    },
  );
});

/** The same positions in the same order with the same scores, bit for bit. */
function sameSide(kept: AdlBoardSide, fresh: AdlBoardSide): boolean {
  if (kept.length !== fresh.length) return false;
  for (let j = 0; j < fresh.length; j++)
    if (kept.accounts[j] !== fresh.accounts[j] || !Object.is(kept.scores[j], fresh.scores[j])) return false;
  return true;
}
