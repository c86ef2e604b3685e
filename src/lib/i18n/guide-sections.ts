/**
 * The teacher's guide's English sections, cut from the docs' Markdown (no Vite import here, so that
 * scripts/guide-sections.ts can run it under node): "How a lesson plays" from doc/lessons.md, then doc/model.md
 * by "## " heading. `sectionHash` fingerprints a section's English, stored in guide-sources.json next to each
 * translation so that an edited paragraph shows up even when no number, heading or code span changed.
 */

/** "When a liquidation goes wrong: insurance fund…" → "when-a-liquidation-goes-wrong-insurance-fund…". */
export const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A Markdown document's sections: the text before the first "## " heading, then one per "## " heading. */
export function docSections(markdown: string, prefix: string): Record<string, string> {
  const [intro, ...parts] = markdown.split(/^## /m);
  const sections: Record<string, string> = {};
  if (intro!.trim()) sections[`${prefix}.intro`] = intro!.trim();
  for (const part of parts) sections[`${prefix}.${slug(part.split('\n', 1)[0]!)}`] = `## ${part.trim()}`;
  return sections;
}

/** The English guide: doc/lessons.md's "How a lesson plays", then doc/model.md in full. */
export function englishSections(lessonsDoc: string, modelDoc: string): Record<string, string> {
  return {
    ...Object.fromEntries(
      Object.entries(docSections(lessonsDoc, 'guide.lessons')).filter(([id]) =>
        id.endsWith('.how-a-lesson-plays'),
      ),
    ),
    ...docSections(modelDoc, 'guide.model'),
  };
}

/** A section's fingerprint: 32-bit FNV-1a of its text, 8 hex digits (a change check, not security). */
export function sectionHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** Per language, the hash of each section's English its translation was made from. */
export type GuideSources = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Sections whose English changed since they were translated, or that have no recorded source. */
export const staleSections = (english: Record<string, string>, sources: Readonly<Record<string, string>>) =>
  Object.entries(english)
    .filter(([id, text]) => sources[id] !== sectionHash(text))
    .map(([id]) => id);
