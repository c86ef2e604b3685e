/**
 * The sources the presets cite, by the ids of guardrails.md §5 (seed files, W1–W48) and mechanics.md §0, with
 * the address given there. Citing through `cite` makes a mistyped id a compile error.
 */
import type { SourceRef } from './types.ts';

const HL_DOCS = 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/';

export const SOURCES = {
  // Seeds (guardrails §5): news items on the 11 Feb 2026 announcements, no address.
  '000_760c6478c75db79b.txt': undefined,
  '001_974666ce637a126c.txt': undefined,
  '002_77fb7649bbd2b217.txt': undefined,
  '003_ce792537d40aebe1.txt': undefined,
  '004_694564a0634c1f87.txt': undefined,
  // Hong Kong (guardrails §5, W1–W26).
  W1: 'https://apps.sfc.hk/edistributionWeb/api/circular/list-content/circular/intermediaries/supervision/doc?lang=EN&refNo=26EC5',
  W2: 'https://hkma2.marklo.de/stat/summaries/1062099b-cdf6-4d6a-bcc9-310945be5d3a',
  W4: 'https://www.stephensonharwood.com/insights/sfc-circulars-in-february-2026-trading-initiatives-to-boost-digital-asset-market-vibrancy',
  W5: 'https://www.davispolk.com/insights/client-update/hong-kong-permit-va-exchanges-offer-perpetual-contracts-and-engage',
  W6: 'https://cryptomegaphone.com/hong-kong-sfc-publishes-framework-for-perpetual-contracts-at-licensed-vatps/',
  W7: 'https://www.prudent.hk/post/circular-on-permitting-virtual-asset-trading-platform-operators-to-accept-affiliated-market-makers',
  W9: 'https://coinalertnews.com/news/2026/02/11/hong-kong-crypto-perpetual-trading-margin-framework',
  W10: 'https://www.panewslab.com/en/articles/019eb5f8-7950-75de-9b0e-0332a8bc4fc0',
  W13: 'https://www.regulationtomorrow.com/asia/hong-kong-sfc-releases-consultation-conclusions-on-proposed-guidelines-for-securities-margin-financing-activities/',
  W14: 'https://mondovisione.com/news/hong-kongs-securities-and-futures-commission-concludes-consultation-on-securiti-201944',
  W15: 'https://www.sfc.hk/edistributionWeb/gateway/EN/circular/doc?refNo=18EC62',
  W20: 'http://reg-track.com/P/D/MwA1ADQAMwA4AA2',
  W21: 'http://cwsi.com.hk/en/trade/margin_acc',
  W23: 'https://www.lexology.com/library/detail.aspx?g=b83641d7-759e-4721-baef-3fa215dc5a7c',
  // Comparison regimes (guardrails §5, W30–W48).
  W30: 'https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6',
  W31: 'https://www.binance.com/en/futures/trading-rules/perpetual/portfolio-margin/notional-limit',
  W32: 'https://www.binance.com/zh-CN/support/announcement/360033525471',
  W33: 'https://docs.traderwagon.com/faq/futures-trading-introduction/liquidation-protocol',
  W34: 'https://www.binance.bh/br/support/faq/introduction-to-binance-futures-funding-rates-360033525031',
  W38: `${HL_DOCS}liquidations`,
  W39: `${HL_DOCS}margin-tiers`,
  W40: `${HL_DOCS}auto-deleveraging`,
  W41: 'https://www.cortex-vigil.com/wiki/funding-rates',
  W42: 'https://supercexy.gitbook.io/supercexy-docs/trading/liquidation',
  W43: 'https://www.regulationtomorrow.com/eu/esma-renews-restriction-on-cfds-for-further-three-months-from-may/',
  W44: 'https://cointelegraph.com.cach3.com/news/japanese-regulator-officially-proposes-cutting-crypto-margin-trading-leverage-cap/amp.html',
  W45: 'https://www.pillsburylaw.com/en/news-and-insights/cftc-perpetual-futures-btc-eth-crypto-derivatives.html',
  W46: 'https://help.coinbase.com/en/international-exchange/margin-requirements/how-much-leverage-is-available-to-me-if-i-am-eligible-to-trade-perpetual-futures',
  // W47's SGX perpetuals report (the ±35 bp funding cap).
  W47: 'https://reportify.ai/news/1188408719537606656',
  W48: 'https://rulebooks.vara.ae/rulebook/compliance-margin-trading-rules-0',
  // Mechanics (mechanics.md §0).
  'B-LIQ':
    'https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93',
  'B-LIQ-GIST': 'https://gist.github.com/highfestiva/b71e76f51eed84d56c1be8ebbcc286b5',
  'B-MARK':
    'https://www.binance.com/en/support/faq/what-are-mark-price-and-price-index-in-usd%E2%93%A2-margined-futures-360033525071',
  'B-FUND': 'https://vn.tradingview.com/script/BKa9AHJx-Binance-Funding-Rates-vichtoreb',
  'B-CAP':
    'https://www.binance.com/en/support/announcement/further-updates-on-leverage-and-margin-tiers-of-usd%E2%93%A2-m-dodobusd-perpetual-contract-2023-08-08-f4f4bc3876314367a034e817966db415',
  'B-LIQP': 'https://www.binance.com/en-NZ/support/faq/binance-futures-liquidation-protocols-360033525271',
  'B-ADL': 'https://www.binance.com/hi/amp/support/faq/360033525471',
  'B-MGN': 'https://binance.com/en/support/faq/binance-margin-level-and-margin-call-360030493931',
  'HL-funding': `${HL_DOCS}funding`,
  'HL-margining': `${HL_DOCS}margining`,
  'HL-liquidations': `${HL_DOCS}liquidations`,
  'HL-margin-tiers': `${HL_DOCS}margin-tiers`,
  'HL-robust-price-indices': `${HL_DOCS}robust-price-indices`,
} as const satisfies Record<string, string | undefined>;

export type SourceId = keyof typeof SOURCES;

/**
 * Source references for the given ids. The address is looked up where a source is shown (`sourceUrl`), not
 * kept in each reference: the presets then do not pull this table of addresses into the engine's worker,
 * which never shows one (issue 8's 60 KB budget; the table was 1.8 KB of its gzip).
 */
export function cite(...ids: SourceId[]): SourceRef[] {
  return ids.map((id) => ({ id }));
}

/** A source's address where the spec gives one. */
export function sourceUrl(id: string): string | undefined {
  return (SOURCES as Record<string, string | undefined>)[id];
}
