import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Real headless Chromium for the web page's tests: Debian's `chromium` package (the path can be
 * changed with CHROMIUM_PATH), driven by playwright-core. No browser is downloaded by npm.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser is here; missing is a failure when REQUIRE_BROWSER=1 (CI installs it). */
export function browserAvailability(): { available: boolean; required: boolean; why: string } {
  const required = process.env.REQUIRE_BROWSER === '1';
  const available = existsSync(CHROMIUM);
  const why = `Chromium not found at ${CHROMIUM}: the web page's browser test is SKIPPED. Install it with \`apt-get install -y chromium\` (.ci/run does) or set CHROMIUM_PATH; REQUIRE_BROWSER=1 makes this a failure.`;
  return { available, required, why };
}

/** The flags the page is tested under: headless, no GPU, no background traffic of Chromium's own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with a fresh profile (its own --user-data-dir, removed by `close`). */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'dx-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
