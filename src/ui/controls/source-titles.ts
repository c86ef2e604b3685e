/**
 * The sources the presets cite (engine/regimes/sources.ts), as a reader sees them: the publisher and the
 * title of the page, not the spec's short id (W5, B-MGN). Titles are the pages' own, in their own language;
 * the publisher is the site that hosts them. The five seed news items have no address or title in the spec.
 */
import type { SourceId } from '../../engine/regimes/sources.ts';

export interface SourceTitle {
  publisher: string;
  title: string;
}

const HL = 'Hyperliquid documentation';

export const SOURCE_TITLES: Readonly<Partial<Record<SourceId, SourceTitle>>> = {
  W1: { publisher: 'SFC', title: 'Circular 26EC5 on margin financing for virtual-asset trading' },
  W2: { publisher: 'HKMA (summary)', title: 'Summary of the SFC’s February 2026 circulars' },
  W4: {
    publisher: 'Stephenson Harwood',
    title: 'SFC circulars in February 2026: trading initiatives to boost digital asset market vibrancy',
  },
  W5: {
    publisher: 'Davis Polk',
    title:
      'Hong Kong to permit VA exchanges to offer perpetual contracts and engage affiliated market makers',
  },
  W6: {
    publisher: 'Crypto Megaphone',
    title: 'Hong Kong SFC publishes framework for perpetual contracts at licensed VATPs',
  },
  W7: {
    publisher: 'Prudent',
    title: 'Circular on permitting VATP operators to accept affiliated market makers',
  },
  W9: { publisher: 'Coin Alert News', title: 'Hong Kong crypto perpetual trading and margin framework' },
  W10: { publisher: 'PANews', title: 'Hong Kong’s February 2026 perpetual and margin framework' },
  W13: {
    publisher: 'Regulation Tomorrow',
    title: 'SFC consultation conclusions on guidelines for securities margin financing',
  },
  W14: { publisher: 'Mondo Visione', title: 'SFC concludes consultation on securities margin financing' },
  W15: { publisher: 'SFC', title: 'Circular 18EC62 on securities margin financing' },
  W20: { publisher: 'Reg-Track', title: 'Regulatory document 35438' },
  W21: { publisher: 'CWSI', title: 'Margin account terms' },
  W23: { publisher: 'Lexology', title: 'Hong Kong margin financing guidelines' },
  W30: { publisher: 'Binance', title: 'Announcement on futures leverage and margin tiers' },
  W31: { publisher: 'Binance', title: 'Perpetual futures trading rules: notional limits' },
  W32: { publisher: 'Binance', title: 'Announcement on auto-deleveraging' },
  W33: { publisher: 'TraderWagon', title: 'Futures trading introduction: liquidation protocol' },
  W34: { publisher: 'Binance', title: 'Introduction to Binance Futures funding rates' },
  W38: { publisher: HL, title: 'Liquidations' },
  W39: { publisher: HL, title: 'Margin tiers' },
  W40: { publisher: HL, title: 'Auto-deleveraging' },
  W41: { publisher: 'Cortex Vigil', title: 'Funding rates' },
  W42: { publisher: 'SuperCEXy documentation', title: 'Liquidation' },
  W43: { publisher: 'Regulation Tomorrow', title: 'ESMA renews restriction on CFDs' },
  W44: {
    publisher: 'Cointelegraph',
    title: 'Japanese regulator proposes cutting crypto margin trading leverage cap',
  },
  W45: { publisher: 'Pillsbury', title: 'CFTC: perpetual futures on BTC and ETH' },
  W46: { publisher: 'Coinbase Help', title: 'How much leverage is available for perpetual futures' },
  W47: { publisher: 'Reportify', title: 'SGX perpetual futures report' },
  W48: { publisher: 'VARA Rulebook', title: 'Compliance and risk management: margin trading rules' },
  'B-LIQ': {
    publisher: 'Binance',
    title: 'How to calculate the liquidation price of USDⓈ-M futures contracts',
  },
  'B-LIQ-GIST': { publisher: 'GitHub Gist', title: 'Binance liquidation price calculator' },
  'B-MARK': { publisher: 'Binance', title: 'What are mark price and price index in USDⓈ-margined futures' },
  'B-FUND': { publisher: 'TradingView', title: 'Binance funding rates (script)' },
  'B-CAP': {
    publisher: 'Binance',
    title: 'Further updates on leverage and margin tiers of USDⓈ-M perpetual contracts',
  },
  'B-LIQP': { publisher: 'Binance', title: 'Binance Futures liquidation protocols' },
  'B-ADL': { publisher: 'Binance', title: 'Auto-deleveraging (ADL)' },
  'B-MGN': { publisher: 'Binance', title: 'Margin level and margin call' },
  'HL-funding': { publisher: HL, title: 'Funding' },
  'HL-margining': { publisher: HL, title: 'Margining' },
  'HL-liquidations': { publisher: HL, title: 'Liquidations' },
  'HL-margin-tiers': { publisher: HL, title: 'Margin tiers' },
  'HL-robust-price-indices': { publisher: HL, title: 'Robust price indices' },
};
