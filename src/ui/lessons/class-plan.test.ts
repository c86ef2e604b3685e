import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lib/lessons/catalogue.ts';
import { classPlan, CLASS_MINUTES } from './class-plan.ts';
import { markdownToHtml } from './markdown.ts';

describe('the 15-minute class plans', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: fills 15 minutes, every step in order, questions longest',
    (_id, lesson) => {
      const plan = classPlan(lesson);
      expect(plan[0]!.from).toBe(0);
      expect(plan.at(-1)!).toMatchObject({ part: 'close', to: CLASS_MINUTES });
      plan.slice(1).forEach((block, i) => expect(block.from).toBe(plan[i]!.to));
      expect(plan.filter((b) => b.step !== null).map((b) => b.step)).toEqual(lesson.steps.map((_s, i) => i));
      const length = (b: { from: number; to: number }) => b.to - b.from;
      const asks = plan.filter((b) => b.part === 'ask');
      const explains = plan.filter((b) => b.part === 'explain');
      expect(asks.length).toBe(lesson.steps.filter((s) => s.ask).length);
      for (const ask of asks)
        for (const explain of explains) expect(length(ask)).toBeGreaterThan(length(explain));
    },
  );
});

describe('the teacher docs as HTML', () => {
  it('renders headings, lists, emphasis and links, and escapes markup', () => {
    const html = markdownToHtml(
      '# Title\n\nSome **bold** and _it_ `x<y`.\n\n- one\n- two\n\n[SFC](https://www.sfc.hk)\n\n<script>',
    );
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>bold</strong> and <em>it</em> <code>x&lt;y</code>.');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<a href="https://www.sfc.hk" target="_blank" rel="noopener noreferrer">SFC</a>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('renders a table, its first row the header, and ends it at a blank line', () => {
    const html = markdownToHtml(
      'Figures:\n\n| Fact | Run |\n| --- | :-: |\n| **87%** longs | `97%` |\n| a | b |\n\nAfter.',
    );
    expect(html).toContain(
      '<table><thead><tr><th>Fact</th><th>Run</th></tr></thead><tbody>' +
        '<tr><td><strong>87%</strong> longs</td><td><code>97%</code></td></tr><tr><td>a</td><td>b</td></tr></tbody></table>',
    );
    expect(html).toMatch(/^<p>Figures:<\/p>\n<table>.*<\/table>\n<p>After.<\/p>$/);
  });
});
