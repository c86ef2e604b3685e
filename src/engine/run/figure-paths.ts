/**
 * Every number of a run's summary by its path (`liquidations.traders`, `venues.offshore.markets.BTC.adl.count`,
 * `byProduct.margin.pnl`), with the format it reads in: the one list the lessons, the command line's
 * across-seeds statistics and the embeddable figure read figures from (definitions: summary.ts and
 * outcome-figures.ts). A path is checked without a run (a lesson is validated before any run); a run without
 * the venue or market a path names reads null.
 */
import type { RunSummary } from './summary.ts';

export type FigureFormat = 'count' | 'usd' | 'percent';

const LIQUIDATIONS = '(liquidations\\.(count|notional|traders|longNotional|shortNotional))';
const ADL = '(adl\\.(count|notional))';
const FUNDING = '(funding\\.(minRate|maxRate|paid|paidByLongs|settlements))';
const DISLOCATION = '(maxPriceDislocation\\.(value|minute))';
const MARKET = `(markets\\.[A-Z][A-Z0-9]{1,9}\\.(${LIQUIDATIONS}|${ADL}|${FUNDING}|${DISLOCATION}))`;
const FUND = '(start|min|end|drawn|drawdown)';
const VENUE = `(venues\\.(onshore|offshore)\\.(${LIQUIDATIONS}|${ADL}|${FUNDING}|${DISLOCATION}|fund\\.${FUND}|${MARKET}))`;
const RUN = [
  LIQUIDATIONS,
  ADL,
  FUNDING,
  MARKET,
  VENUE,
  `(insuranceFund\\.${FUND})`,
  `(cfdProviderCapital\\.${FUND})`,
  '(broker\\.(marginCalls|clientsCalled|forcedSales|clientsForceSold|shortfall))',
  '(byProduct\\.(spot|margin|perp)\\.(traders|deposits|pnl))',
  '(byClass\\.(retail|professional)\\.(traders|deposits|liquidated|pnl|loss))',
  '(offshore\\.(traders|deposits|liquidated|pnl|loss))',
  '(refusedProducts\\.(perp|margin|altPerp))',
  '(personas\\.(retailPerp20x|professionalPerp5x|marginFinancedBtcHolder)\\.pnl)',
  '(maxPriceDislocationAt\\.minute)',
  '(venueFailure\\.clientLoss)',
  '(traders|tradersForcedOut|lossesBeyondDeposits|brokerShortfall|maxPriceDislocation|marketMakerGain)',
];
const PATH = new RegExp(`^(${RUN.join('|')})$`);

/** Whether a path names a number of the summary (of some run: a venue or market may be absent in this one). */
export function isFigurePath(path: string): boolean {
  return PATH.test(path);
}

const COUNTS = new Set([
  'count',
  'traders',
  'tradersForcedOut',
  'liquidated',
  'settlements',
  'minute',
  'marginCalls',
  'clientsCalled',
  'forcedSales',
  'clientsForceSold',
]);
const PERCENTS = new Set(['minRate', 'maxRate', 'maxPriceDislocation', 'value']);

/** The format of a figure path (checked by isFigurePath). */
export function figureFormat(path: string): FigureFormat {
  const segments = path.split('.');
  const last = segments.at(-1)!;
  if (segments[0] === 'refusedProducts' || COUNTS.has(last)) return 'count';
  if (PERCENTS.has(last)) return 'percent';
  return 'usd';
}

/** The number at a path, or null where this run has none (no offshore venue, no such market). */
export function figureValue(summary: RunSummary, path: string): number | null {
  let node: unknown = summary;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return null;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'number' ? node : null;
}

/** Every figure of one summary, path → number (the paths isFigurePath accepts that this run has). */
export function summaryFigures(summary: RunSummary): Record<string, number> {
  const figures: Record<string, number> = {};
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'number') {
      if (isFigurePath(path)) figures[path] = node;
    } else if (typeof node === 'object' && node !== null && !Array.isArray(node))
      for (const [key, child] of Object.entries(node)) walk(child, path === '' ? key : `${path}.${key}`);
  };
  walk(summary, '');
  return figures;
}
