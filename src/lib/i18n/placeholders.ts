/**
 * Fills a message's `{name}` placeholders; an unknown one stays visible (a missing parameter shows, rather than
 * vanishing). One definition for the app's `translate` and the figure's `figureText`; it imports no catalogue,
 * so the figure's script stays small.
 */
export type MessageParams = Record<string, string | number>;

export function fillPlaceholders(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
