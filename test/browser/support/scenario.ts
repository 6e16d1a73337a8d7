import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { WebTestServer } from './web-test-server';

/**
 * What every browser spec needs around its tests: a fresh service (its own data directory) and a
 * Chromium, started before the describe block's tests and stopped after them.
 */
export function browserScenario(): { readonly server: WebTestServer; readonly browser: Browser } {
  const server = new WebTestServer();
  let browser: Browser | undefined;
  beforeAll(async () => {
    await server.start();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server.stop();
  });
  return {
    server,
    get browser(): Browser {
      if (!browser) throw new Error('Chromium is not started yet (use it inside a test)');
      return browser;
    },
  };
}
