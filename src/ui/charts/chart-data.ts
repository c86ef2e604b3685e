/**
 * What each chart shows, read off the results of A and B: its series, markers, a description in words generated
 * from the numbers, and a data table. One module per chart (or family of charts); this one gathers them for
 * the panels that draw them all.
 */
export * from './chart-series.ts';
export * from './price-chart.ts';
export * from './time-charts.ts';
export * from './outcome-histogram.ts';
