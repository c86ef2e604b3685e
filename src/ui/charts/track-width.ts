/**
 * A Svelte action reporting an element's width now and whenever it changes (ResizeObserver), so charts can
 * draw to the space they have. Where there is no layout (jsdom) the width is 0 and charts use a default.
 */
export function trackWidth(node: HTMLElement, onWidth: (width: number) => void): { destroy(): void } {
  onWidth(node.clientWidth);
  if (typeof ResizeObserver === 'undefined') return { destroy: () => {} };
  const observer = new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width ?? 0;
    if (width > 0) onWidth(Math.round(width));
  });
  observer.observe(node);
  return { destroy: () => observer.disconnect() };
}
