/**
 * `adl-rank`: the auto-deleveraging queue of the given positions (mechanics §1.14).
 */
import { allowOnly, choice, jsonArray, numberField, objectElement, UsageError, type Flags } from '../args.ts';
import { Refusal, above, between, check, described, oneOf } from '../../engine/validation/index.ts';
import { rankForAdl, type AdlCandidate, type AdlMethod } from '../../engine/perp/adl-ranking.ts';
import type { Side } from '../../engine/perp/side.ts';

export const usage = `adl-rank --method binance|bitmex|hyperliquid --positions '[{"id":"A","side":"long","qty":1,"entry":100,
         "mark":120,"wallet":10,"mmr":0.004}, …]'
  Ranks positions for auto-deleveraging, first in the queue first; ties go by id. wallet is the margin behind
  the position; mmr its maintenance rate. bitmex ranks longs and shorts separately: "order" then lists the
  longs' queue followed by the shorts'. Prints {"order", "scores", "bySide": {"long", "short"}}; a position
  with no equity left scores null (last in the queue).`;

/** The flags this command accepts (the fuzzer reads them too). */
export const FLAGS = ['method', 'positions'];
const METHODS = ['binance', 'bitmex', 'hyperliquid'] as const satisfies readonly AdlMethod[];
const FIELDS = ['id', 'side', 'qty', 'entry', 'mark', 'wallet', 'mmr'];
const ID = described('a non-empty string', (v): v is string => typeof v === 'string' && v !== '');
const SIDE = oneOf(['long', 'short']);
const POSITIVE = above(0);
const MMR = between(0, 1, { maxExcluded: true });

export interface AdlRankOutput {
  order: string[];
  /** Same order as `order`; null where the score is −∞ (JSON has no infinity). */
  scores: (number | null)[];
  bySide: Record<Side, string[]>;
}

function parsePosition(element: unknown, i: number): AdlCandidate {
  const label = `--positions[${i}]`;
  const record = objectElement(label, element, FIELDS);
  return {
    id: check(`${label}.id`, record.id, ID),
    side: check(`${label}.side`, record.side, SIDE),
    qty: numberField(label, record, 'qty', POSITIVE),
    entry: numberField(label, record, 'entry', POSITIVE),
    mark: numberField(label, record, 'mark', POSITIVE),
    wallet: numberField(label, record, 'wallet'),
    mmr: numberField(label, record, 'mmr', MMR),
  };
}

export function run(flags: Flags): AdlRankOutput {
  allowOnly(flags, FLAGS);
  const method = choice(flags, 'method', METHODS);
  const raw = jsonArray(flags, 'positions');
  if (raw === undefined) throw new UsageError('--positions is required (a JSON array of positions)');
  const positions = raw.map(parsePosition);
  const ids = new Set<string>();
  for (const [i, p] of positions.entries()) {
    if (ids.has(p.id))
      throw new Refusal(`--positions[${i}].id`, p.id, {
        kind: 'words',
        text: 'an id no earlier position has',
      });
    ids.add(p.id);
  }
  const ranking = rankForAdl(positions, method);
  return {
    order: ranking.order,
    scores: ranking.scores.map((s) => (Number.isFinite(s) ? s : null)),
    bySide: ranking.bySide,
  };
}
