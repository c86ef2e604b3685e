/**
 * Every scenario in words (title, description, sources): what the scenario picker and the CLI's `list` show. The
 * runs' own catalogue (catalogue.ts) has none of it, so the engine's worker loads no scenario text (issue 8's
 * 60 KB budget; worker-imports.test.ts checks it).
 */
import { BLACK_THURSDAY_STORY } from './episodes/2020-03-black-thursday.story.ts';
import { MAY_2021_STORY } from './episodes/2021-05-crash.story.ts';
import { LUNA_STORY } from './episodes/2022-05-luna.story.ts';
import { FTX_STORY } from './episodes/2022-11-ftx.story.ts';
import { OCT_2025_STORY } from './episodes/2025-10-tariff-crash.story.ts';
import { SYNTHETIC_STORIES } from './synthetic-stories.ts';
import type { ScenarioId, ScenarioStory } from './types.ts';

export const SCENARIO_STORIES: Readonly<Record<ScenarioId, ScenarioStory>> = {
  '2020-03-black-thursday': BLACK_THURSDAY_STORY,
  '2021-05-crash': MAY_2021_STORY,
  '2022-05-luna': LUNA_STORY,
  '2022-11-ftx': FTX_STORY,
  '2025-10-tariff-crash': OCT_2025_STORY,
  ...SYNTHETIC_STORIES,
};

export function scenarioStory(id: ScenarioId): ScenarioStory {
  return SCENARIO_STORIES[id];
}
