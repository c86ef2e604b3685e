/**
 * What a figure can compare, read from each run's summary, and how each value reads in a sentence. The same
 * measures and formats as the app's outcome card (src/ui/outcome), so a reader who opens the app finds the
 * same numbers there; each figure is defined once, engine-side (src/engine/run/summary.ts).
 */
import type { RunSummary } from '../engine/run/summary.ts';
import type { FigureMetric } from './attributes.ts';
import { figureText, type FigureLocale } from './figure-text.ts';
import { numberFormat } from '../lib/i18n/number-format.ts';

/** The number a bar shows. */
export function metricValue(metric: FigureMetric, summary: RunSummary): number {
  switch (metric) {
    case 'liquidations':
      // Distinct traders liquidated on the run's perpetual venues (summary.ts says what it counts).
      return summary.liquidations.traders;
    case 'losses':
      return summary.byClass.retail.loss;
    case 'dislocation':
      return summary.maxPriceDislocation;
  }
}

/** The value as text in the figure's language. */
export function formatMetric(metric: FigureMetric, summary: RunSummary, locale: FigureLocale): string {
  const value = metricValue(metric, summary);
  switch (metric) {
    case 'liquidations': {
      const count = numberFormat(locale);
      return figureText(locale, 'figure.value.ofTraders', {
        count: count.format(value),
        traders: count.format(summary.traders),
      });
    }
    case 'losses':
      return numberFormat(locale, {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      }).format(value);
    case 'dislocation':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value);
  }
}
