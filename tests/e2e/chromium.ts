/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). With CI=true a missing browser is
 * an error, not a skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

export function requireChromiumInCi(): void {
  if (!chromiumAvailable && process.env.CI === 'true')
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium)`,
    );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Collects console errors, page errors and failed or off-origin requests, for a "no errors" assertion. */
export function watchPage(page: Page, origin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`request to another origin: ${url}`);
  });
  return { problems };
}

/**
 * The stage keeps the end-of-run table hidden until the playhead reaches the end or the user presses "Show the
 * end" (issue 18), and hides it again for each new run. This presses it (in either language: the button
 * controls #outcome) when the current run's end is not shown, and returns the text of `testId` in the table,
 * or null while there is none: poll it to read the outcome of the latest run.
 */
export async function endText(
  page: Pick<Page, 'locator' | 'getByTestId'>,
  testId: string,
): Promise<string | null> {
  const button = page.locator('button[aria-controls="outcome"]');
  if (
    (await button.count()) > 0 &&
    (await button.isEnabled()) &&
    (await button.getAttribute('aria-expanded')) !== 'true'
  )
    await button.click();
  const element = page.getByTestId(testId);
  return (await element.count()) > 0 ? element.first().textContent() : null;
}

/**
 * Opens every <details> on the page, round after round until none is left closed: a fold may draw folds of its
 * own when first opened (the settings' "All rules"), and the toggle event that draws them comes a task later.
 */
export async function unfoldEverything(page: Page): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const opened = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('details:not([open])')];
      for (const details of closed) (details as HTMLDetailsElement).open = true;
      return closed.length;
    });
    if (opened === 0) return;
    await page.waitForTimeout(100);
  }
  throw new Error('folds kept appearing closed after 10 rounds of opening them');
}
