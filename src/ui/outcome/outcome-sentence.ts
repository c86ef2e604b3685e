/**
 * One plain sentence on what changed between rule sets A and B, and why, generated from the two runs'
 * summaries and the rules they ran under. The sentence is built from catalogue clauses with placeholders (a
 * lead saying who liquidated fewer traders, and a reason read off the numbers), so it is translated like
 * everything else and changes whenever the numbers do.
 */
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { MessageKey } from '../../lib/i18n/catalogues.ts';
import type { RunSummary } from '../../engine/run/summary.ts';

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
}

export interface OutcomeStory {
  lead: Clause;
  reason: Clause;
}

export interface Formats {
  usd(value: number): string;
  count(value: number): string;
}

/** What retail investors lost in all (0 when they gained). */
export function retailLoss(summary: RunSummary): number {
  return Math.max(0, -summary.byClass.retail.pnl);
}

/** Amounts closer than a dollar, or 1%, read as the same in a sentence. */
function differ(x: number, y: number): boolean {
  return Math.abs(x - y) > Math.max(1, 0.01 * Math.max(Math.abs(x), Math.abs(y)));
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

/** When both liquidated as many traders: the largest other difference, if any. */
function otherDifference(a: RuleSetFacts, b: RuleSetFacts, f: Formats): Clause {
  const beyondA = a.summary.lossesBeyondDeposits;
  const beyondB = b.summary.lossesBeyondDeposits;
  if (differ(beyondA, beyondB)) {
    const worse = beyondA > beyondB ? a : b;
    const loss = f.usd(worse.summary.lossesBeyondDeposits);
    return worse.negativeBalanceProtection
      ? { key: 'outcome.reason.lossesBeyond', params: { loss, worse: worse.letter } }
      : { key: 'outcome.reason.noProtection', params: { loss, worse: worse.letter } };
  }
  const lossA = retailLoss(a.summary);
  const lossB = retailLoss(b.summary);
  if (differ(lossA, lossB)) {
    const [worse, better] = lossA > lossB ? [a, b] : [b, a];
    return {
      key: 'outcome.reason.retailLosses',
      params: {
        worse: worse.letter,
        worseLoss: f.usd(retailLoss(worse.summary)),
        better: better.letter,
        betterLoss: f.usd(retailLoss(better.summary)),
      },
    };
  }
  return { key: 'outcome.reason.similar', params: {} };
}

export function outcomeStory(a: RuleSetFacts, b: RuleSetFacts, f: Formats): OutcomeStory {
  const liquidatedA = a.summary.liquidations.traders;
  const liquidatedB = b.summary.liquidations.traders;
  const traders = f.count(a.summary.traders);
  if (liquidatedA === liquidatedB) {
    const lead: Clause =
      liquidatedA === 0
        ? { key: 'outcome.lead.none', params: { traders } }
        : { key: 'outcome.lead.same', params: { count: f.count(liquidatedA), traders } };
    return { lead, reason: otherDifference(a, b, f) };
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
  return { lead, reason: whyFewer(better, worse, f) };
}

/** The sentence in the page's language. */
export function outcomeSentence(i18n: I18n, a: RuleSetFacts, b: RuleSetFacts): string {
  const count = new Intl.NumberFormat(i18n.locale);
  const story = outcomeStory(a, b, {
    usd: (value) => i18n.usd(value, 0),
    count: (value) => count.format(value),
  });
  return i18n.t('outcome.sentence', {
    lead: i18n.t(story.lead.key, story.lead.params),
    reason: i18n.t(story.reason.key, story.reason.params),
  });
}
