/**
 * Files of a comparison for analysts: the frames of A and B as one CSV (a `rule_set` column tells them apart),
 * and the whole run as JSON (configs, summaries, frames as arrays, the events the page holds, traces, outcomes).
 * Everything is made in the page and saved through a Blob and an `<a download>`: nothing goes over the network.
 */
import { FRAME_FIELDS } from '../../engine/run/frames.ts';
import type { RunConfig } from '../../engine/run/config.ts';
import type { RunResult } from '../../engine/run/run.ts';

export const RULE_SET_LABELS = ['A', 'B'] as const;

/** Bumped when the JSON layout changes, so readers can tell versions apart. */
export const RUN_JSON_FORMAT = 1;

/**
 * One header row (`rule_set`, `regime`, then the frame fields), then A's frames, then B's. Numbers are written
 * in full precision with a dot decimal separator, whatever the page's language, so any tool reads them back.
 */
export function framesCsv(results: readonly RunResult[]): string {
  const lines = [['rule_set', 'regime', ...FRAME_FIELDS].join(',')];
  results.forEach((result, r) => {
    const label = RULE_SET_LABELS[r] ?? String(r + 1);
    const regime = csvCell(result.summary.regime);
    const { frames } = result;
    for (let i = 0; i < frames.length; i++) {
      const row = [label, regime];
      for (const field of FRAME_FIELDS) row.push(csvNumber(frames[field][i]!));
      lines.push(row.join(','));
    }
  });
  return lines.join('\r\n') + '\r\n';
}

/** The whole comparison as JSON: typed arrays become plain arrays, numbers that are not finite become null. */
export function runJson(configs: readonly RunConfig[], results: readonly RunResult[]): string {
  const document = {
    format: 'leverage-lab-run',
    version: RUN_JSON_FORMAT,
    frameFields: FRAME_FIELDS,
    runs: results.map((result, r) => ({
      ruleSet: RULE_SET_LABELS[r] ?? String(r + 1),
      config: configs[r] ?? null,
      summary: result.summary,
      frames: Object.fromEntries(FRAME_FIELDS.map((field) => [field, Array.from(result.frames[field])])),
      events: result.events,
      // The worker sends the page no routine events (fills, trades, loans, interest) and at most 20,000 others.
      eventsOmitted: result.eventsOmitted ?? 0,
      traces: result.traces,
      adlQueue: result.adlQueue,
      outcomes: result.outcomes,
    })),
  };
  return JSON.stringify(document, (_key, value: unknown) =>
    ArrayBuffer.isView(value) && !(value instanceof DataView)
      ? Array.from(value as unknown as ArrayLike<number>)
      : value,
  );
}

/** A file name that says what was run: `leverage-lab_2025-10-tariff-crash_hk-sfc-2026-vs-offshore-cex_seed1.csv`. */
export function exportName(results: readonly RunResult[], extension: string, part?: string): string {
  return `${exportBase(results, part)}.${extension}`;
}

/** The same name without an extension (`part` names one chart). */
export function exportBase(results: readonly RunResult[], part?: string): string {
  const first = results[0]?.summary;
  const regimes = results.map((r) => r.summary.regime).join('-vs-');
  const name = ['leverage-lab', first?.scenario ?? 'run', regimes, `seed${first?.seed ?? 0}`, part]
    .filter((piece) => piece !== undefined && piece !== '')
    .join('_');
  return name.replace(/[^\w.-]+/g, '-');
}

/** Saves a Blob as a file through a temporary `<a download>`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; keep the URL alive a little for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(text: string, filename: string, type: string): void {
  saveBlob(new Blob([text], { type }), filename);
}

function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
