/**
 * What the stage's end-to-end tests wait for (a file apart from chromium.ts, which the global set-up also
 * imports, outside any test).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Waits until the stage's market chart is drawn and no comparison is running (an enabled Stop: the policy
 * frontier's own Stop is always there, disabled while no sweep runs). */
export async function stageReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('stage-chart').getByTestId('time-chart').count(), { timeout: 30_000 })
    .toBe(1);
  await expect
    .poll(() => page.getByRole('button', { name: 'Stop', disabled: false }).count(), { timeout: 30_000 })
    .toBe(0);
}
