/**
 * One plain sentence on what changed between rule sets A and B, and why, generated from the two runs'
 * summaries and the rules they ran under: who liquidated fewer traders and why (a cause only where the rules
 * differ in it, and none for counts about the same), then the largest other differences the outcome table shows
 * (ADL, the insurance fund, losses…), with their cause where the rules differ in it. Built from catalogue
 * clauses with placeholders, so it is translated like everything else and changes whenever the numbers do.
 */
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { MessageKey } from '../../lib/i18n/catalogues.ts';
import type { RunSummary } from '../../engine/run/summary.ts';
import { numberFormat } from '../../lib/i18n/number-format.ts';

export interface RuleSetFacts {
  letter: 'A' | 'B';
  /** The rule set's name as shown to the user ("HK SFC 2026"). */
  name: string;
  summary: RunSummary;
  /** The rules behind the numbers, where a reason can point at them. */
  maxLeverage: number;
  negativeBalanceProtection: boolean;
}

export interface Clause {
  key: MessageKey;
  params: Record<string, string | number>;
  /** Clauses said first and put into this one's {difference} and {cause}. */
  parts?: [Clause, Clause];
}

export interface OutcomeStory {
  lead: Clause;
  /** Why one rule set liquidated fewer traders; null when the counts are about the same. */
  reason: Clause | null;
  /** The largest other differences the table shows (at most two, largest first), each with its cause if any. */
  others: Clause[];
}

export interface Formats {
  usd(value: number): string;
  count(value: number): string;
  percent(value: number): string;
}

/** Liquidation counts this close (one trader, or 5%) are "about as many": no cause is read into them. */
function aboutAsMany(x: number, y: number): boolean {
  return Math.abs(x - y) <= Math.max(1, 0.05 * Math.max(x, y));
}

function whyFewer(better: RuleSetFacts, worse: RuleSetFacts, f: Formats): Clause {
  const refused = better.summary.refusedProducts.perp;
  if (refused > worse.summary.refusedProducts.perp)
    return { key: 'outcome.reason.keptOut', params: { refused: f.count(refused) } };
  if (better.maxLeverage < worse.maxLeverage)
    return {
      key: 'outcome.reason.lowerCap',
      params: { betterCap: f.count(better.maxLeverage), worseCap: f.count(worse.maxLeverage) },
    };
  if (worse.summary.marketMakerGain > 0 && better.summary.marketMakerGain <= 0)
    return {
      key: 'outcome.reason.marketMaker',
      params: { gain: f.usd(worse.summary.marketMakerGain), worse: worse.letter },
    };
  return { key: 'outcome.reason.otherRules', params: {} };
}

interface Measure {
  key: MessageKey;
  value(s: RunSummary): number;
  format: keyof Formats;
  /** The smallest gap worth a sentence, in the measure's unit. */
  minGap: number;
  /** A cause, only where the two rule sets differ in the rule behind the measure. */
  cause?(a: RuleSetFacts, b: RuleSetFacts, f: Formats): Clause | null;
}

const fundSize = (a: RuleSetFacts, b: RuleSetFacts, f: Formats): Clause | null => {
  const [x, y] = [a.summary.insuranceFund.start, b.summary.insuranceFund.start];
  return Math.abs(x - y) > 0.2 * Math.max(x, y)
    ? { key: 'outcome.cause.fundSize', params: { a: f.usd(x), b: f.usd(y) } }
    : null;
};

/** The outcome table's rows after the first (liquidations), in the table's order. */
const MEASURES: Measure[] = [
  {
    key: 'outcome.diff.lossesBeyond',
    value: (s) => s.lossesBeyondDeposits,
    format: 'usd',
    minGap: 100,
    cause: (a, b) =>
      a.negativeBalanceProtection === b.negativeBalanceProtection
        ? null
        : {
            key: 'outcome.cause.noProtection',
            params: { letter: a.negativeBalanceProtection ? b.letter : a.letter },
          },
  },
  { key: 'outcome.diff.retailLosses', value: (s) => s.byClass.retail.loss, format: 'usd', minGap: 100 },
  { key: 'outcome.diff.adl', value: (s) => s.adl.count, format: 'count', minGap: 1, cause: fundSize },
  {
    key: 'outcome.diff.fundDrawdown',
    value: (s) => s.insuranceFund.drawdown,
    format: 'usd',
    minGap: 100,
    cause: fundSize,
  },
  { key: 'outcome.diff.brokerShortfall', value: (s) => s.brokerShortfall, format: 'usd', minGap: 100 },
  { key: 'outcome.diff.dislocation', value: (s) => s.maxPriceDislocation, format: 'percent', minGap: 0.001 },
  { key: 'outcome.diff.refusedPerp', value: (s) => s.refusedProducts.perp, format: 'count', minGap: 1 },
];

/** A gap counts when it is at least `minGap` and a fifth of the larger value; larger shares rank first. */
function otherDifferences(a: RuleSetFacts, b: RuleSetFacts, f: Formats, skip: MessageKey[]): Clause[] {
  const ranked = MEASURES.filter((m) => !skip.includes(m.key)).flatMap((measure, order) => {
    const [x, y] = [measure.value(a.summary), measure.value(b.summary)];
    const gap = Math.abs(x - y);
    const share = gap / Math.max(Math.abs(x), Math.abs(y), Number.MIN_VALUE);
    return gap >= measure.minGap && share >= 0.2 ? [{ measure, x, y, share, order }] : [];
  });
  ranked.sort((p, q) => q.share - p.share || p.order - q.order);
  const said = new Set<string>();
  return ranked.slice(0, 2).map(({ measure, x, y }) => {
    const format = f[measure.format];
    const difference: Clause = { key: measure.key, params: { a: format(x), b: format(y) } };
    const cause = measure.cause?.(a, b, f);
    // A cause shared by both differences (the funds' sizes behind ADL and the drawdown) is said once.
    const causeText = cause ? JSON.stringify(cause) : '';
    if (!cause || said.has(causeText)) return difference;
    said.add(causeText);
    return { key: 'outcome.diff.withCause', params: {}, parts: [difference, cause] };
  });
}

export function outcomeStory(a: RuleSetFacts, b: RuleSetFacts, f: Formats): OutcomeStory {
  const liquidatedA = a.summary.liquidations.traders;
  const liquidatedB = b.summary.liquidations.traders;
  const traders = f.count(a.summary.traders);
  if (aboutAsMany(liquidatedA, liquidatedB)) {
    const lead: Clause =
      liquidatedA === liquidatedB
        ? liquidatedA === 0
          ? { key: 'outcome.lead.none', params: { traders } }
          : { key: 'outcome.lead.same', params: { count: f.count(liquidatedA), traders } }
        : {
            key: 'outcome.lead.close',
            params: { countA: f.count(liquidatedA), countB: f.count(liquidatedB), traders },
          };
    return { lead, reason: null, others: otherDifferences(a, b, f, []) };
  }
  const [better, worse] = liquidatedA < liquidatedB ? [a, b] : [b, a];
  const betterCount = better.summary.liquidations.traders;
  const lead: Clause = {
    key: betterCount === 0 ? 'outcome.lead.fewerNone' : 'outcome.lead.fewer',
    params: {
      better: better.letter,
      betterName: better.name,
      betterCount: f.count(betterCount),
      worse: worse.letter,
      worseName: worse.name,
      worseCount: f.count(worse.summary.liquidations.traders),
      traders,
    },
  };
  const reason = whyFewer(better, worse, f);
  // A reason that already names the refusals leaves them out of the other differences.
  const skip: MessageKey[] = reason.key === 'outcome.reason.keptOut' ? ['outcome.diff.refusedPerp'] : [];
  return { lead, reason, others: otherDifferences(a, b, f, skip) };
}

/** The sentences in the page's language. */
export function outcomeSentence(i18n: I18n, a: RuleSetFacts, b: RuleSetFacts): string {
  const count = numberFormat(i18n.locale);
  const percent = numberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 2 });
  const story = outcomeStory(a, b, {
    usd: (value) => i18n.usd(value, 0),
    count: (value) => count.format(value),
    percent: (value) => percent.format(value),
  });
  const say = (clause: Clause): string =>
    clause.parts
      ? i18n.t(clause.key, { difference: say(clause.parts[0]!), cause: say(clause.parts[1]!) })
      : i18n.t(clause.key, clause.params);
  const lead = say(story.lead);
  const first = story.reason
    ? i18n.t('outcome.sentence', { lead, reason: say(story.reason) })
    : i18n.t('outcome.sentence.plain', { lead });
  const [one, two] = story.others.map(say);
  const others =
    one === undefined
      ? i18n.t('outcome.others.none')
      : two === undefined
        ? i18n.t('outcome.others.one', { first: one })
        : i18n.t('outcome.others.two', { first: one, second: two });
  return i18n.t('outcome.sentences', { first, others });
}
