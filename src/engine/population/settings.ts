/** What a user sets about the population, with validation that names the field and what is allowed. */
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

export function validatePopulation(settings: PopulationSettings): void {
  const { traders, retailShare, leakage, refusedChoice } = settings;
  if (!Number.isInteger(traders) || traders < MIN_TRADERS || traders > MAX_TRADERS)
    throw new RangeError(
      `traders must be a whole number from ${MIN_TRADERS} to ${MAX_TRADERS} (got ${traders})`,
    );
  if (!(retailShare >= 0 && retailShare <= 1))
    throw new RangeError(`retail share must be between 0% and 100% (got ${retailShare * 100}%)`);
  if (!(leakage >= 0 && leakage <= 1))
    throw new RangeError(`leakage must be between 0% and 100% (got ${leakage * 100}%)`);
  if (refusedChoice !== 'spot' && refusedChoice !== 'stay-out')
    throw new RangeError(
      `what refused traders do must be "spot" or "stay-out" (got "${String(refusedChoice)}")`,
    );
}
