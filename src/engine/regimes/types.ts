/**
 * A regime: the full set of rules one venue or jurisdiction imposes on spot, margin-financed and perpetual
 * trading (`RegimeRules`, all a run needs), with where every number comes from (`Regime`, its provenance:
 * guardrails.md §1–§2). Presets live in `presets/`, one per file, their provenance in a sibling
 * `*.provenance.ts`, so that the engine's worker can run a regime without loading the notes.
 */
import type { PerpRules } from '../perp/rules.ts';
import type { MarginFinancingRules } from '../margin/financing-rules.ts';
import type { GuardrailKey } from './guardrail-keys.ts';
import type { RegimeExtras } from './extras.ts';

export const PRESET_IDS = [
  'hk-sfc-2026',
  'hk-sfc-2026-securities-only',
  'offshore-cex',
  'onchain-perp-dex',
  'eu-esma-retail',
  'jp-fsa-retail',
  'us-cftc',
] as const;

/** A regime with published or assumed rules, as shipped. */
export type PresetId = (typeof PRESET_IDS)[number];
/** `custom`: a preset with parameters changed by the user. */
export type RegimeId = PresetId | 'custom';

export type ProvenanceKind = 'published' | 'derived' | 'assumption';
export type Confidence = 'H' | 'M' | 'L';

export interface SourceRef {
  /** 'W30', 'W5', a seed file name, or a mechanics.md §0 id such as 'B-LIQ' or 'HL-funding'. */
  id: string;
}

export interface Provenance {
  /** published: a source states it; derived: our arithmetic on sourced numbers; assumption: our choice. */
  kind: ProvenanceKind;
  sources: SourceRef[];
  /** One sentence: where the number comes from, or why this assumption. */
  note: string;
  /** guardrails.md convention: H primary or several reputable sources, M one reputable source, L weak. */
  confidence?: Confidence;
}

/** A regime's rules: its name and every parameter a run reads, without the provenance the UI and CLI show. */
export interface RegimeRules {
  id: RegimeId;
  title: string;
  shortTitle: string;
  /** Two sentences. */
  description: string;
  /** For a custom regime, the preset it started from. */
  basedOn?: PresetId;
  perp: PerpRules;
  financing: MarginFinancingRules;
  spot: { takerFeeRate: number };
  marketMaker: {
    /** A company of the platform's own group may make markets on it (SFC AFMM circular, W7). */
    affiliatedAllowed: boolean;
    /** SFC conditions on such a market maker: functional independence, no front-running of client flow (M4). */
    safeguards: boolean;
  };
  /**
   * Multiplier on the leverage retail traders wish for on this venue (model.md: "retail appetite for leverage
   * is higher offshore"). An assumption in every preset: no public measure exists.
   */
  retailLeverageAppetite: number;
  /** Guardrails the engine's rule types have no field for (see extras.ts). */
  extras: RegimeExtras;
}

/** Where each of a regime's parameters comes from, by guardrail key. */
export type RegimeProvenance = Record<GuardrailKey, Provenance>;

/** A regime's rules with the provenance of every parameter, as shown to users. */
export interface Regime extends RegimeRules {
  provenance: RegimeProvenance;
}
