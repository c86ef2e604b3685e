/**
 * Every event that matters to a trader, explained in words with its own numbers (each engine event carries
 * them, so nothing is recomputed here). Sentences come from the catalogue with placeholders; amounts are
 * formatted with Intl for the page's language.
 */
import { numberFormat } from '../../lib/i18n/number-format.ts';
import type { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { RunEvent } from '../../engine/run/run-events.ts';

export const EVENT_KINDS = [
  'liquidation',
  'margin-call',
  'forced-sale',
  'adl',
  'insurance-draw',
  'losses',
  'refusal',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The feed's kind for an event, or null for events the feed leaves out (fills, funding, interest…). */
export function kindOf(event: RunEvent): EventKind | null {
  switch (event.type) {
    case 'liquidation':
    case 'margin-call':
    case 'forced-sale':
    case 'adl':
    case 'insurance-draw':
      return event.type;
    case 'bad-debt':
    case 'socialised-loss':
    case 'shortfall':
    case 'broker-failure-loss':
      return 'losses';
    case 'product-refused':
      return 'refusal';
    default:
      return null;
  }
}

/** The trader an event is about (a population id), or null (the liquidity provider, a market-wide event). */
export function traderOf(event: RunEvent): number | null {
  return 'trader' in event && typeof event.trader === 'number' ? event.trader : null;
}

interface NumberFormats {
  coins: Intl.NumberFormat;
  ratio: Intl.NumberFormat;
  whole: Intl.NumberFormat;
}

/** Built once per locale: a feed of hundreds of events would otherwise build three formatters for each. */
const numberFormats = new Map<string, NumberFormats>();

function numberFormatsFor(locale: string): NumberFormats {
  let found = numberFormats.get(locale);
  if (!found) {
    found = {
      coins: numberFormat(locale, { maximumFractionDigits: 4 }),
      // Two decimals, so an LTV just over its limit does not read as equal to it ("40.04%, above 40%").
      ratio: numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
      whole: numberFormat(locale, { maximumFractionDigits: 1 }),
    };
    numberFormats.set(locale, found);
  }
  return found;
}

function formats(i18n: I18n) {
  const { coins, ratio, whole } = numberFormatsFor(i18n.locale);
  return {
    usd: (value: number) => i18n.usd(value),
    coins: (value: number) => coins.format(Math.abs(value)),
    ratio: (value: number) => ratio.format(value),
    hours: (minutes: number) => whole.format(Math.max(0, minutes) / 60),
    who: (trader: number | null | undefined) =>
      typeof trader === 'number'
        ? i18n.t('events.who.trader', { id: trader })
        : i18n.t('events.who.liquidityProvider'),
  };
}

/** One event in words, "under rule set A/B"; null for an event the feed does not show. */
export function explainEvent(event: RunEvent, ruleSet: 'A' | 'B', i18n: I18n): string | null {
  const t = i18n.t;
  const f = formats(i18n);
  const set = ruleSet;
  switch (event.type) {
    case 'liquidation': {
      const params = {
        set,
        who: f.who(event.trader),
        side: t(`events.side.${event.side}`),
        qty: f.coins(event.qty),
        market: event.market,
        mark: f.usd(event.markPrice),
        equity: f.usd(event.equityBefore),
        maintenance: f.usd(event.maintenanceMargin),
      };
      const lead = t(event.partial ? 'events.liquidation.partial' : 'events.liquidation', params);
      const settlement = t(`events.settlement.${event.settlement}`, {
        bankruptcy: f.usd(event.bankruptcyPrice),
      });
      return t('events.withSettlement', { event: lead, settlement });
    }
    case 'margin-call': {
      const common = {
        set,
        who: f.who(event.trader),
        debt: f.usd(event.debt),
        hours: f.hours(event.deadlineStep - event.step),
      };
      if (event.ltv === null) return t('events.marginCall.noCollateral', common);
      // The call names what was crossed: the LTV limit, or only the lending value (loan above LV).
      if (!event.triggers.includes('ltv-above-call') && event.triggers.includes('loan-exceeds-lending-value'))
        return t('events.marginCall.lendingValue', {
          ...common,
          lendingValue: f.usd(event.lendingValue),
          collateral: f.usd(event.collateralValue),
        });
      return t('events.marginCall', {
        ...common,
        ltv: f.ratio(event.ltv),
        callLtv: f.ratio(event.callLtv),
        collateral: f.usd(event.collateralValue),
      });
    }
    case 'forced-sale':
      return t(event.reason === 'liquidation-ltv' ? 'events.forcedSale.ltv' : 'events.forcedSale.cure', {
        set,
        who: f.who(event.trader),
        qty: f.coins(event.qty),
        asset: t(`events.asset.${event.asset}`),
        price: f.usd(event.price),
        proceeds: f.usd(event.proceeds),
        debt: f.usd(event.debtAfter),
      });
    case 'adl':
      return t('events.adl', {
        set,
        who: f.who(event.trader),
        qty: f.coins(event.qty),
        market: event.market,
        side: t(`events.side.${event.side}`),
        price: f.usd(event.price),
        bankrupt: f.who(event.bankruptTrader),
        rank: t('events.rank', { rank: event.rank + 1 }),
      });
    case 'insurance-draw':
      return t('events.insuranceDraw', {
        set,
        market: event.market,
        amount: f.usd(event.amount),
        who: f.who(event.trader),
        fundAfter: f.usd(event.fundAfter),
      });
    case 'bad-debt':
      return t('events.badDebt', {
        set,
        who: f.who(event.trader),
        amount: f.usd(event.amount),
        market: event.market,
      });
    case 'socialised-loss':
      return t('events.socialisedLoss', {
        set,
        who: f.who(event.trader),
        amount: f.usd(event.amount),
        market: event.market,
        perCoin: f.usd(event.perCoin),
      });
    case 'shortfall':
      return t('events.shortfall', { set, who: f.who(event.trader), amount: f.usd(event.amount) });
    case 'broker-failure-loss':
      return t('events.brokerFailureLoss', {
        set,
        who: f.who(event.trader),
        amount: f.usd(event.netLoss),
        asset: t(`events.asset.${event.asset}`),
      });
    case 'product-refused':
      return t(event.product === 'altPerp' ? 'events.altRefused' : 'events.productRefused', {
        set,
        who: f.who(event.trader),
        product: t(`events.product.${event.product}`),
        substitute: t(`events.substitute.${event.substitute}`),
      });
    default:
      return null;
  }
}
