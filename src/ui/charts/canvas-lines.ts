/**
 * A long series on a canvas: SVG paths of thousands of points slow every repaint (TimeChart draws a series on a
 * canvas above 2,000 points). Lines are already decimated to pixels; a gap (a non-finite y) breaks the line.
 */
import type { ChartSeries } from './chart-series.ts';

export interface CanvasLines {
  /** CSS pixels. */
  width: number;
  height: number;
  series: readonly ChartSeries[];
  /** Each series' points [x, y] in CSS pixels, in the order of `series`. */
  points: readonly (readonly [number, number][])[];
  alpha: number;
}

/** A colour as the canvas takes it: `var(--long)` read from the element's computed style. */
function resolveColour(element: Element, colour: string): string {
  const variable = /^var\((--[\w-]+)(?:,\s*([^)]+))?\)$/.exec(colour.trim());
  if (!variable) return colour;
  const value = getComputedStyle(element).getPropertyValue(variable[1]!).trim();
  return value || variable[2]?.trim() || '#000';
}

export function drawLines(canvas: HTMLCanvasElement, lines: CanvasLines): void {
  const { width, height, series, points, alpha } = lines;
  const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  // jsdom (component tests) has no 2D context.
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  context.globalAlpha = alpha;
  context.lineJoin = 'round';
  series.forEach((s, k) => {
    context.strokeStyle = resolveColour(canvas, s.colour);
    context.lineWidth = s.width ?? 2;
    context.setLineDash(s.dash ? s.dash.split(/[\s,]+/).map(Number) : []);
    context.beginPath();
    let drawing = false;
    for (const [px, py] of points[k] ?? []) {
      if (!Number.isFinite(py)) {
        drawing = false;
        continue;
      }
      if (drawing) context.lineTo(px, py);
      else context.moveTo(px, py);
      drawing = true;
    }
    context.stroke();
  });
}
