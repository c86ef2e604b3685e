/**
 * Who counts as a professional investor under a regime. The population draws its professionals by trait
 * (traits.ts); a regime with a portfolio threshold (HK: HK$8m, SFC framework P1 and W23) admits as professional
 * only those whose portfolio meets it, so a drawn professional with US$200k is retail in Hong Kong. Without a
 * threshold the drawn class stands.
 */
import type { InvestorClass } from '../perp/rules.ts';
import type { Population } from './population.ts';

export function investorClassUnder(
  population: Population,
  i: number,
  professionalPortfolioMinUsd: number | null,
): InvestorClass {
  if (!population.professional[i]) return 'retail';
  if (professionalPortfolioMinUsd === null) return 'professional';
  return population.portfolio[i]! >= professionalPortfolioMinUsd ? 'professional' : 'retail';
}
