/**
 * Shorthands for the provenance of a preset parameter (guardrails.md conventions: a number is published by a
 * source, derived by our arithmetic from sourced numbers, or an assumption with its reason).
 */
import { cite, type SourceId } from './sources.ts';
import type { Confidence, Provenance } from './types.ts';

export function published(note: string, ids: SourceId[], confidence: Confidence): Provenance {
  return { kind: 'published', sources: cite(...ids), note, confidence };
}

export function derived(note: string, ids: SourceId[], confidence: Confidence): Provenance {
  return { kind: 'derived', sources: cite(...ids), note, confidence };
}

/** Our choice; `ids` name what informed it (an analogue, a [DEFAULT]'s reasoning), if anything. */
export function assumption(note: string, ids: SourceId[] = []): Provenance {
  return { kind: 'assumption', sources: cite(...ids), note };
}

const SET_BY_USER = 'set by the user';

/** The provenance of a parameter a user changed in a custom regime. */
export function setByUser(): Provenance {
  return { kind: 'assumption', sources: [], note: SET_BY_USER };
}

export function isSetByUser(provenance: Provenance): boolean {
  return provenance.kind === 'assumption' && provenance.note === SET_BY_USER;
}
