import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PositionCalculator from './PositionCalculator.svelte';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import { inProcessEngine } from '../test-support.ts';

// The same engine functions the worker exposes, called in-process (jsdom has no Worker).
const engine = inProcessEngine();

async function setField(label: string, value: string) {
  const user = userEvent.setup();
  const field = screen.getByLabelText(label);
  await user.clear(field);
  if (value !== '') await user.type(field, value);
  return field;
}

describe('PositionCalculator', () => {
  it('reproduces mechanics vector 13 by default: isolated long 1 BTC @ 50,000, 10×, Binance 2021 tiers', async () => {
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    expect(await screen.findByTestId('liquidation-price')).toHaveTextContent('$45,180.72');
    expect(screen.getByLabelText('Rule set')).toHaveValue('offshore-cex');
    expect(screen.getByTestId('bankruptcy-price')).toHaveTextContent('$45,000.00');
    expect(screen.getByTestId('initial-margin')).toHaveTextContent('$5,000.00');
    // A notional of exactly 50,000 sits on tier 2's floor: MM = 50,000 × 0.5% − 50 = 200, the same as tier 1's
    // 50,000 × 0.4% (mechanics vector 11: the maintenance amount keeps MM continuous).
    expect(screen.getByTestId('maintenance-margin')).toHaveTextContent('$200.00');
    expect(screen.getByTestId('maintenance-amount')).toHaveTextContent('$50.00');
    expect(screen.getByText('$50,000.00 × 0.5% − $50.00 (tier 2)')).toBeInTheDocument();
  });

  it('shows the tier table with each maintenance amount and the tier in force highlighted', async () => {
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    const table = await screen.findByRole('table', {
      name: 'Maintenance tiers for BTC under Offshore exchange (Binance-style)',
    });
    const rows = within(table).getAllByTestId('tier-row');
    expect(rows).toHaveLength(5);
    // cum: 0, 50, 1,300, 16,300, 266,300 (mechanics §1.6)
    expect(rows.map((row) => row.querySelectorAll('td')[2]!.textContent)).toEqual([
      '$0.00',
      '$50.00',
      '$1,300.00',
      '$16,300.00',
      '$266,300.00',
    ]);
    // In force at entry: tier 2 (notional 50,000); at the liquidation price: tier 1 (notional 45,180.72).
    expect(rows[1]).toHaveClass('in-force');
    expect(rows[1]).toHaveTextContent('at entry');
    expect(rows[0]).toHaveClass('at-liquidation');
    expect(rows[0]).toHaveTextContent('at the liquidation price');
    expect(rows[0]).not.toHaveClass('in-force');
    expect(rows[4]).toHaveTextContent('$10,000,000 and above');
  });

  it('re-selects the tier at the liquidation price when the side changes', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    await screen.findByTestId('liquidation-price');
    await user.click(screen.getByLabelText('Short'));
    // Short 1 @ 50,000 with 5,000 margin: the notional at LP passes 50,000, so tier 2 (0.5%, cum 50) applies
    // (B-LIQ tier re-selection): LP = (5,000 + 50 + 50,000)/1.005 = 54,776.12.
    expect(await screen.findByText('$54,776.12')).toBeInTheDocument();
    expect(screen.getByTestId('bankruptcy-price')).toHaveTextContent('$55,000.00');
    const rows = screen.getAllByTestId('tier-row');
    expect(rows[1]).toHaveClass('in-force');
    expect(rows[1]).toHaveTextContent('at the liquidation price');
  });

  it('refuses leverage above the rule set’s cap next to the field, with the cap in the message', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    await screen.findByTestId('liquidation-price');
    await user.selectOptions(screen.getByLabelText('Rule set'), 'Hong Kong SFC 2026 guardrails');
    expect(screen.getByText('Up to 10× for BTC under this rule set.')).toBeInTheDocument();
    const leverage = await setField('Leverage (×)', '200');
    const message =
      'Leverage (×) must be a number from 1 to 10, the cap for BTC under Hong Kong SFC 2026 guardrails (got 200)';
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(leverage).toHaveAttribute('aria-invalid', 'true');
    expect(leverage.getAttribute('aria-describedby')).toContain('calc-leverage-error');

    // The offshore exchange allows 125×, the on-chain exchange only 25× on ETH.
    await user.selectOptions(screen.getByLabelText('Rule set'), 'offshore-cex');
    await setField('Leverage (×)', '500');
    expect(
      screen.getByText(/must be a number from 1 to 125, the cap for BTC .+ \(got 500\)/),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Rule set'), 'onchain-perp-dex');
    await user.click(screen.getByLabelText('ETH'));
    await setField('Leverage (×)', '30');
    expect(
      screen.getByText(/from 1 to 25, the cap for ETH under On-chain perpetuals exchange/),
    ).toBeInTheDocument();
  });

  it('uses the rule set’s own tiers: HK SFC 2026 at 5% flat', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    await screen.findByTestId('liquidation-price');
    await user.selectOptions(screen.getByLabelText('Rule set'), 'hk-sfc-2026');
    // Long 1 @ 50,000 at 10×, MMR 5%: LP = (5,000 − 50,000)/(0.05 − 1) = 47,368.42
    expect(await screen.findByText('$47,368.42')).toBeInTheDocument();
    expect(screen.getByTestId('maintenance-margin')).toHaveTextContent('$2,500.00');
    expect(screen.getAllByTestId('tier-row')).toHaveLength(1);
    // Fees and the liquidation fee of the preset, shown
    expect(screen.getByTestId('opening-fee')).toHaveTextContent('$25.00');
    expect(screen.getByTestId('closing-fee')).toHaveTextContent('$25.00');
    expect(screen.getByText('Opening fee (taker 0.05%)')).toBeInTheDocument();
    // 0.5% of the notional closed at the liquidation price (the HK preset's assumed clearance fee)
    expect(screen.getByTestId('liquidation-fee')).toHaveTextContent('$236.84');
  });

  it('accrues funding as size × price × rate × hours ÷ 8, and shows what it does to the liquidation price', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    await screen.findByTestId('liquidation-price');
    // Default: 1 BTC × 50,000 × 0.01% × 24 h / 8 h = 15
    expect(screen.getByLabelText('Funding rate per 8 h (%)')).toHaveValue('0.01');
    expect(screen.getByTestId('funding-accrual')).toHaveTextContent('$15.00 paid');

    await setField('Size (BTC)', '2');
    await setField('Entry price (USD)', '60000');
    await setField('Holding time (hours)', '36');
    await setField('Funding rate per 8 h (%)', '0.03');
    const accrual = 2 * 60_000 * 0.0003 * (36 / 8);
    expect(accrual).toBeCloseTo(162, 9);
    expect(await screen.findByText('$162.00 paid')).toBeInTheDocument();
    expect(screen.getByText('2 BTC × $60,000.00 × 0.03% × 36 h ÷ 8 h')).toBeInTheDocument();
    expect(screen.getByText('Settled every 8 h: 4 settlements of $36.00 within 36 h.')).toBeInTheDocument();
    // Paid out of the isolated margin (12,000 − 162), so the liquidation price rises:
    // (11,838 − 120,000)/(2 × 0.004 … tier 2: (11,838 + 50 − 120,000)/(2 × 0.005 − 2)) = 54,327.64
    expect(screen.getByTestId('liquidation-price-after')).toHaveTextContent('$54,327.64');

    await user.click(screen.getByLabelText('Short'));
    expect(await screen.findByText('$162.00 received')).toBeInTheDocument();
  });

  it('holds a funding rate above the rule set’s cap to the cap, and says so', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    await screen.findByTestId('liquidation-price');
    await user.selectOptions(screen.getByLabelText('Rule set'), 'hk-sfc-2026');
    await setField('Funding rate per 8 h (%)', '1');
    // HK [DEFAULT] cap ±0.35% per 8-h settlement: 50,000 × 0.35% × 24/8 = 525
    expect(await screen.findByText('$525.00 paid')).toBeInTheDocument();
    expect(screen.getByTestId('funding-capped')).toHaveTextContent(
      'This rule set caps funding at 0.35% per settlement',
    );
  });

  it('computes cross margin from the wallet balance and refuses a wallet below the initial margin', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    await screen.findByTestId('liquidation-price');
    await user.click(screen.getByLabelText('Cross'));
    // WB 10,000: LP = (10,000 − 50,000)/(0.004 − 1) = 40,160.64; BP = 50,000 − 10,000 = 40,000
    expect(await screen.findByText('$40,160.64')).toBeInTheDocument();
    expect(screen.getByTestId('bankruptcy-price')).toHaveTextContent('$40,000.00');
    expect(screen.getByTestId('margin-behind')).toHaveTextContent('$10,000.00');
    await setField('Wallet balance (USD)', '4000');
    expect(
      screen.getByText('Wallet balance (USD) must be at least the initial margin, $5,000.00 (got 4000)'),
    ).toBeInTheDocument();
  });

  it('refuses a margin mode the rule set does not offer', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    await screen.findByTestId('liquidation-price');
    await user.selectOptions(screen.getByLabelText('Rule set'), 'eu-esma-retail');
    expect(
      screen.getByText('Isolated margin is not offered under EU retail crypto CFDs (ESMA): allowed Cross'),
    ).toBeInTheDocument();
  });

  it('refuses a bad value next to its field with what is allowed', async () => {
    render(PositionCalculator, { engine, i18n: new I18n('en') });
    const size = await setField('Size (BTC)', '-1');
    expect(screen.getByText('Size (BTC) must be a number greater than 0 (got -1)')).toBeInTheDocument();
    expect(size).toHaveAttribute('aria-invalid', 'true');
    await setField('Holding time (hours)', 'x');
    expect(
      screen.getByText('Holding time (hours) must be a number of hours from 0 to 8,760 (got x)'),
    ).toBeInTheDocument();
  });

  it('speaks Traditional Chinese when asked', async () => {
    render(PositionCalculator, { engine, i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('heading', { name: '倉位計算器' })).toBeInTheDocument();
    expect(await screen.findByText('強制平倉價格')).toBeInTheDocument();
    expect(screen.getByTestId('liquidation-price')).toHaveTextContent('US$45,180.72');
    for (const term of ['破產價格', '維持保證金', '初始保證金', '逐倉', '全倉', '資金費'])
      expect(screen.getAllByText(term).length).toBeGreaterThan(0);
  });

  it('shows an engine failure as a readable message', async () => {
    const failing = { positionQuote: async () => Promise.reject(new Error('worker crashed')) };
    render(PositionCalculator, { engine: failing, i18n: new I18n('en') });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The simulation engine failed: worker crashed',
    );
  });
});
