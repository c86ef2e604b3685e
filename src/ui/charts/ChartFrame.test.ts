import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRawSnippet } from 'svelte';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ChartFrame from './ChartFrame.svelte';
import { I18n } from '../../lib/i18n/i18n.svelte.ts';
import type { DataTable } from './chart-data.ts';

const chart = createRawSnippet(() => ({
  render: () => '<svg width="200" height="100"><path class="line" d="M0,50L200,10" stroke="#0072b2"/></svg>',
}));

const table: DataTable = {
  columns: ['Time', 'A', 'B'],
  rows: [
    ['12:00', '$1', '$2'],
    ['13:00', '$3', '$4'],
  ],
  note: 'all 2 points',
};

/** jsdom's Blob has no text(). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function renderFrame(locale = 'en', tableFn = vi.fn(() => table)) {
  const result = render(ChartFrame, {
    i18n: new I18n(locale),
    id: 'chart-test',
    title: 'Insurance fund',
    description: 'Under rule set A the fund went from $1 to $3.',
    table: tableFn,
    filename: 'leverage-lab_test_fund',
    credit: 'Leverage Lab · test',
    children: chart,
  });
  return { ...result, tableFn };
}

describe('ChartFrame', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the chart a heading, a description and a figure named by both', () => {
    const { container } = renderFrame();
    const heading = screen.getByRole('heading', { level: 3, name: 'Insurance fund' });
    expect(heading).toBeInTheDocument();
    const figure = screen.getByRole('figure', { name: 'Insurance fund' });
    expect(figure).toHaveAccessibleDescription('Under rule set A the fund went from $1 to $3.');
    expect(container.querySelector('path.line')).not.toBeNull();
  });

  it('shows and hides an accessible data table, built only when asked for', async () => {
    const user = userEvent.setup();
    const { tableFn } = renderFrame();
    const toggle = screen.getByRole('button', { name: 'Show data table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).toBeNull();
    expect(tableFn).not.toHaveBeenCalled();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Hide data table');
    const grid = screen.getByRole('table', { name: 'Insurance fund: all 2 points' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Time', 'A', 'B']);
    expect(within(grid).getByRole('rowheader', { name: '13:00' })).toBeInTheDocument();
    expect(
      within(grid)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['$1', '$2', '$3', '$4']);

    await user.click(toggle);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('downloads the chart as SVG through an <a download>', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:chart';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('leverage-lab_test_fund.svg');
    });
    renderFrame();
    await user.click(screen.getByRole('button', { name: 'Download SVG image: Insurance fund' }));
    // The image module loads on the first download, so the file follows the click a moment later.
    await vi.waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
    expect(blobs[0]!.type).toBe('image/svg+xml;charset=utf-8');
    const svg = await readText(blobs[0]!);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Insurance fund</title>');
    // jsdom lays nothing out: the credit wraps at every " · ".
    expect(svg).toContain('>Leverage Lab</text>');
    expect(svg).toContain('>test</text>');
  });

  it('speaks Traditional Chinese', () => {
    renderFrame('zh-Hant-HK');
    expect(screen.getByRole('button', { name: '顯示數據表' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下載 PNG 圖像：Insurance fund' })).toBeInTheDocument();
  });
});
