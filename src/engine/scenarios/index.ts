export type { IndexPath, ScenarioId, ScenarioInfo, ScenarioSource } from './types.ts';
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
export { dailyVolatility, largestFall, largestRise, type Move } from './path-stats.ts';
