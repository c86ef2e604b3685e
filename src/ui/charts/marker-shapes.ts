/** The ADL marker: a triangle of "radius" r centred on (cx, cy), as an SVG path (the chart and its key). */
export const triangle = (cx: number, cy: number, r: number): string =>
  `M${cx},${cy - r * 1.15}L${cx + r},${cy + r * 0.75}L${cx - r},${cy + r * 0.75}Z`;
