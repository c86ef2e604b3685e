/**
 * The scenarios for the `list` command (the lead combines them with the regimes).
 */
import { SCENARIOS } from '../../engine/scenarios/catalogue.ts';
import { scenarioStory } from '../../engine/scenarios/stories.ts';
import type { ScenarioId, ScenarioInfo } from '../../engine/scenarios/types.ts';

export interface ScenarioListEntry {
  id: ScenarioId;
  title: string;
  kind: ScenarioInfo['kind'];
}

export function scenarioList(): ScenarioListEntry[] {
  return SCENARIOS.map(({ id, kind }) => ({ id, title: scenarioStory(id).title, kind }));
}
