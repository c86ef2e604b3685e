/**
 * Exports a chart as it looks on screen: one standalone SVG composed from the chart's own SVG layers, its canvas
 * layers (as embedded PNG images) and its HTML text (legend, read-out), each placed where the page lays it out,
 * with computed styles inlined so the file needs no stylesheet. The PNG is that SVG drawn onto a canvas.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Presentation properties that CSS may set on SVG content and that a standalone file must carry inline, with
 * their initial values: a property still at its initial value is left out, to keep the file small.
 */
const STYLE_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  fill: ['rgb(0, 0, 0)'],
  'fill-opacity': ['1'],
  stroke: ['none'],
  'stroke-width': ['1px', '1'],
  'stroke-dasharray': ['none'],
  'stroke-opacity': ['1'],
  'stroke-linecap': ['butt'],
  'stroke-linejoin': ['miter'],
  opacity: ['1'],
  'font-size': [],
  'font-weight': ['400', 'normal'],
  'text-anchor': ['start'],
  'dominant-baseline': ['auto'],
  visibility: ['visible'],
  'paint-order': ['normal'],
  'font-variant-numeric': ['normal'],
};
/** Font properties only matter where there is text. */
const TEXT_ONLY = new Set([
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'font-variant-numeric',
]);

/** A deep copy of `source` whose elements carry their computed presentation styles in `style` attributes. */
export function cloneWithStyles(source: SVGElement): SVGElement {
  const clone = source.cloneNode(true) as SVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, k) => {
    const copy = copies[k];
    if (!copy) return;
    const computed = getComputedStyle(original);
    const isText = original.tagName === 'text' || original.tagName === 'tspan';
    const declarations: string[] = [];
    for (const [property, defaults] of Object.entries(STYLE_DEFAULTS)) {
      if (TEXT_ONLY.has(property) && !isText) continue;
      const value = computed.getPropertyValue(property).trim();
      if (value === '' || defaults.includes(value)) continue;
      declarations.push(`${property}:${value}`);
    }
    if (computed.display === 'none') declarations.push('display:none');
    if (declarations.length > 0) copy.setAttribute('style', declarations.join(';'));
    else copy.removeAttribute('style');
    copy.removeAttribute('class');
  });
  return clone;
}

export interface ChartImageOptions {
  title: string;
  /** A small line at the foot (what was run). */
  credit?: string;
}

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

const PADDING = 12;
const TITLE_HEIGHT = 30;
const CREDIT_LINE = 15;
const CREDIT_FONT = 11;

/** Splits a credit "a · b · c" into lines no wider than `width` (measured with a canvas where there is one). */
export function wrapCredit(text: string, width: number, fontFamily: string): string[] {
  // OffscreenCanvas: in browsers; jsdom (component tests) has none and estimates instead.
  const context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (context) context.font = `${CREDIT_FONT}px ${fontFamily}`;
  // Without a canvas: about 0.6 em a Latin character, 1 em a CJK one.
  const measure = (line: string) =>
    context
      ? context.measureText(line).width
      : [...line].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.6) * CREDIT_FONT, 0);
  const lines: string[] = [];
  for (const piece of text.split(' · ')) {
    const current = lines[lines.length - 1];
    if (current !== undefined && measure(`${current} · ${piece}`) <= width)
      lines[lines.length - 1] = `${current} · ${piece}`;
    else lines.push(piece);
  }
  return lines;
}

/**
 * Composes `root`'s visible content into one SVG. Elements are drawn in document order: an `<svg>` is copied
 * (nested SVGs come with their parent), a `<canvas>` becomes an `<image>` (cropped on the right by its
 * `data-clip-right` pixels, as its CSS clip-path does on screen), and an element marked `data-export-text` becomes
 * a `<text>` in its computed font and colour.
 */
export function composeChartSvg(root: HTMLElement, options: ChartImageOptions): ChartImage {
  const box = root.getBoundingClientRect();
  const bodyWidth = Math.max(1, Math.ceil(box.width));
  const bodyHeight = Math.max(1, Math.ceil(box.height));
  const rootStyle = getComputedStyle(root);
  const fontFamily = rootStyle.fontFamily || 'sans-serif';
  const ink = rootStyle.color || '#1b1f24';
  const credit = options.credit ? wrapCredit(options.credit, bodyWidth, fontFamily) : [];
  const width = bodyWidth + 2 * PADDING;
  const creditHeight = credit.length > 0 ? 8 + credit.length * CREDIT_LINE : 0;
  const height = PADDING + TITLE_HEIGHT + bodyHeight + creditHeight + PADDING;

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', fontFamily);
  const add = <K extends keyof SVGElementTagNameMap>(
    parent: Element,
    tag: K,
    attributes: Record<string, string | number>,
  ): SVGElementTagNameMap[K] => {
    const element = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    parent.append(element);
    return element;
  };
  add(out, 'rect', { width, height, fill: '#ffffff' });
  add(out, 'title', {}).textContent = options.title;
  add(out, 'text', {
    x: PADDING,
    y: PADDING + 18,
    'font-size': 16,
    'font-weight': 600,
    fill: ink,
  }).textContent = options.title;
  const body = add(out, 'g', { transform: `translate(${PADDING} ${PADDING + TITLE_HEIGHT})` });

  let clips = 0;
  const visible = (element: Element, rect: DOMRect) => {
    const style = getComputedStyle(element);
    return rect.width > 0 && rect.height > 0 && style.display !== 'none' && style.visibility !== 'hidden';
  };
  for (const element of root.querySelectorAll('svg, canvas, [data-export-text]')) {
    if (element.parentElement?.closest('svg')) continue;
    const rect = element.getBoundingClientRect();
    if (!visible(element, rect)) continue;
    const x = rect.left - box.left;
    const y = rect.top - box.top;
    if (element instanceof SVGSVGElement) {
      const copy = cloneWithStyles(element);
      copy.setAttribute('x', String(x));
      copy.setAttribute('y', String(y));
      copy.setAttribute('width', String(rect.width));
      copy.setAttribute('height', String(rect.height));
      body.append(copy);
    } else if (element instanceof HTMLCanvasElement) {
      let href: string;
      try {
        href = element.toDataURL('image/png');
      } catch {
        continue;
      }
      const image = add(body, 'image', { x, y, width: rect.width, height: rect.height, href });
      const clipRight = Number(element.dataset.clipRight ?? 0);
      if (clipRight > 0) {
        const id = `export-clip-${++clips}`;
        const clip = add(body, 'clipPath', { id });
        add(clip, 'rect', { x, y, width: Math.max(0, rect.width - clipRight), height: rect.height });
        image.setAttribute('clip-path', `url(#${id})`);
      }
    } else {
      const text = element.textContent?.trim() ?? '';
      if (text === '') continue;
      const style = getComputedStyle(element);
      const alignEnd = style.textAlign === 'right' || style.textAlign === 'end';
      add(body, 'text', {
        x: alignEnd ? x + rect.width : x,
        y: y + rect.height / 2,
        'dominant-baseline': 'central',
        'text-anchor': alignEnd ? 'end' : 'start',
        'font-size': style.fontSize || '12px',
        'font-weight': style.fontWeight || 'normal',
        fill: style.color || ink,
      }).textContent = text;
    }
  }
  credit.forEach((line, k) => {
    const y = PADDING + TITLE_HEIGHT + bodyHeight + 8 + (k + 1) * CREDIT_LINE - 4;
    add(out, 'text', { x: PADDING, y, 'font-size': CREDIT_FONT, fill: '#4a5260' }).textContent = line;
  });
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}

/** Draws an SVG document onto a canvas at `scale` × its size and encodes it as PNG. */
export async function svgToPng(image: ChartImage, scale = 2): Promise<Blob> {
  const picture = new Image();
  picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await picture.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas, so it cannot make a PNG');
  context.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}
