/**
 * The regime presets for the CLI's `list`: id and title of each, in display order.
 */
import { regimeList } from '../../engine/regimes/catalogue.ts';

export function regimeListForCli(): { id: string; title: string }[] {
  return regimeList();
}
