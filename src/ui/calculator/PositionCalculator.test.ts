import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PositionCalculator from './PositionCalculator.svelte';
import { engineApi } from '../../../workers/engine-api.ts';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';

// The same engine functions the worker exposes, called in-process (jsdom has no Worker).
const inProcessEngine = {
  isolatedPosition: async (query: Parameters<typeof engineApi.isolatedPosition>[0]) =>
    engineApi.isolatedPosition(query),
};

describe('PositionCalculator', () => {
  it('shows the liquidation price of mechanics vector 13 for its defaults (long 1 BTC @ 50,000, 10×)', async () => {
    render(PositionCalculator, { engine: inProcessEngine, i18n: new I18n('en') });
    expect(await screen.findByTestId('liquidation-price')).toHaveTextContent('$45,180.72');
    expect(screen.getByTestId('initial-margin')).toHaveTextContent('$5,000.00');
    expect(screen.getByTestId('bankruptcy-price')).toHaveTextContent('$45,000.00');
    expect(screen.getByTestId('tier')).toHaveTextContent('1');
  });

  it('recomputes when the side changes', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine: inProcessEngine, i18n: new I18n('en') });
    await screen.findByTestId('liquidation-price');
    await user.click(screen.getByLabelText('Short'));
    // Short 1 @ 50,000 with 5,000 margin: the notional at LP passes 50,000, so tier 2 (0.5%, cum 50) applies
    // (B-LIQ tier re-selection): LP = (5,000 + 50 + 50,000)/1.005 = 54,776.12.
    expect(await screen.findByText('$54,776.12')).toBeInTheDocument();
    expect(screen.getByTestId('tier')).toHaveTextContent('2');
  });

  it('refuses a bad value next to its field with what is allowed', async () => {
    const user = userEvent.setup();
    render(PositionCalculator, { engine: inProcessEngine, i18n: new I18n('en') });
    const leverage = screen.getByLabelText('Leverage (×)');
    await user.clear(leverage);
    await user.type(leverage, '500');
    expect(screen.getByText('Leverage (×) must be a number from 1 to 125 (got 500)')).toBeInTheDocument();
    expect(leverage).toHaveAttribute('aria-invalid', 'true');
  });

  it('speaks Traditional Chinese when asked', async () => {
    render(PositionCalculator, { engine: inProcessEngine, i18n: new I18n('zh-Hant-HK') });
    expect(screen.getByRole('heading', { name: '倉位計算器' })).toBeInTheDocument();
    expect(await screen.findByText('強制平倉價格')).toBeInTheDocument();
  });

  it('shows an engine failure as a readable message', async () => {
    const failing = { isolatedPosition: async () => Promise.reject(new Error('worker crashed')) };
    render(PositionCalculator, { engine: failing, i18n: new I18n('en') });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The simulation engine failed: worker crashed',
    );
  });
});
