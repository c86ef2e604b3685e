export type { IndexPath, ScenarioId, ScenarioInfo, ScenarioSource, ScenarioStory } from './types.ts';
export type { Anchor, HistoricalEpisode } from './anchors.ts';
export {
  generateIndexPath,
  HISTORICAL_EPISODES,
  isScenarioId,
  SCENARIO_IDS,
  SCENARIOS,
  scenarioInfo,
  type PathOptions,
} from './catalogue.ts';
export { SCENARIO_STORIES, scenarioStory } from './stories.ts';
export { dailyVolatility, largestFall, largestRise, type Move } from './path-stats.ts';
