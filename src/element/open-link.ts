/**
 * The "Open in Leverage Lab" link: the app's page beside the element's script (both are in dist/), with the
 * figure's comparison in the hash as a v1 share link (doc/url-state.md): the plain ('j') form, base64url of the
 * compact JSON. The script's own URL is the base, so the link leads to the app's origin and sub-path even when
 * the figure sits on another site.
 *
 * Only the url-state module's transport helpers and types are imported: its full encoder would bring the app's
 * state, the engine's catalogues and Svelte into the element's script. open-link.test.ts reads every link back
 * with the app's own `decodeHash` and compares it with `encodeStatePlain`.
 */
import { DEFAULT_POPULATION } from '../engine/population/settings.ts';
import type { CompactV1 } from '../lib/url-state/shared-state.ts';
import { base64urlEncode, utf8Encode } from '../lib/url-state/transport.ts';
import type { FigureMetric, FigureSettings } from './attributes.ts';

/** The sweep view's outcome for a figure metric (the largest dislocation is not one of them). */
const SWEEP_OUTCOME_OF: Record<FigureMetric, string | null> = {
  liquidations: 'liquidations.traders',
  losses: 'byClass.retail.loss',
  dislocation: null,
};

/** A name in a variable, so that the bundler does not take `new URL(…, import.meta.url)` for an asset. */
const APP_PAGE = 'index.html';

/** The v1 JSON of the figure's comparison: every field that changes the run is written. */
export function figureCompactState(settings: FigureSettings): CompactV1 {
  const compact: CompactV1 = {
    sc: settings.scenario,
    rs: settings.regimes.map((p) => ({ p })),
    po: {
      n: settings.traders,
      r: DEFAULT_POPULATION.retailShare,
      l: DEFAULT_POPULATION.leakage,
      c: DEFAULT_POPULATION.refusedChoice,
    },
    sd: settings.seed,
    mm: false,
    lg: settings.lang,
  };
  // A frontier opens as the app's sweep view (doc/url-state.md, sw), where its metric is one of the outcomes.
  const outcome = SWEEP_OUTCOME_OF[settings.metric];
  const sweep = settings.sweep;
  if (sweep && outcome)
    compact.sw = {
      r: 0,
      g: sweep.guardrail,
      f: sweep.from,
      t: sweep.to,
      n: sweep.steps,
      s: sweep.seeds,
      o: outcome,
    };
  return compact;
}

export function openInAppHref(settings: FigureSettings, base: string = import.meta.url): string {
  const url = new URL(APP_PAGE, base);
  url.hash = `v1.j${base64urlEncode(utf8Encode(JSON.stringify(figureCompactState(settings))))}`;
  return url.href;
}
