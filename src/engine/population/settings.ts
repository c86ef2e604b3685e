/** What a user sets about the population, with validation that names the field and what is allowed. */
import { between, check, described, isPlainRecord, oneOf, wholeNumber } from '../validation/index.ts';

export type RefusedChoice = 'spot' | 'stay-out';

export interface PopulationSettings {
  traders: number;
  /** Share of retail investors; the rest are professional investors. */
  retailShare: number;
  /**
   * Share of traders refused perpetuals who trade them offshore instead (an assumption: default 0). The rest do
   * `refusedChoice`.
   */
  leakage: number;
  refusedChoice: RefusedChoice;
}

export const DEFAULT_POPULATION: PopulationSettings = {
  traders: 200,
  retailShare: 0.7,
  leakage: 0,
  refusedChoice: 'spot',
};

/** Three named personas are always present, so the smallest population holds them. */
export const MIN_TRADERS = 3;
export const MAX_TRADERS = 1_000_000;

export const REFUSED_CHOICES: readonly RefusedChoice[] = ['spot', 'stay-out'];

const TRADERS = wholeNumber(MIN_TRADERS, MAX_TRADERS);
const SHARE = between(0, 1, { scale: 'percent' });
const CHOICE = oneOf(REFUSED_CHOICES);
const SETTINGS = described('an object with traders, retailShare, leakage and refusedChoice', isPlainRecord);

export function validatePopulation(settings: PopulationSettings): void {
  check('population', settings, SETTINGS);
  const { traders, retailShare, leakage, refusedChoice } = settings;
  check('traders', traders, TRADERS);
  check('retail share', retailShare, SHARE);
  check('leakage', leakage, SHARE);
  check('what refused traders do', refusedChoice, CHOICE);
}
