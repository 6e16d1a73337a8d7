import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PEOPLE, type Person } from './web-test-server';

/** Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const OUTPUT_DIR = resolve(__dirname, '../../../test-output');

/**
 * How long one browser step may wait, and one scenario may take: generous, because the page
 * loads the whole app on a shared, busy machine; a step that fails names its locator.
 */
export const STEP_TIMEOUT_MS = 20_000;
export const SCENARIO_TIMEOUT_MS = 150_000;

/**
 * Chromium headless, without anything that reaches the network on its own. Playwright starts it
 * with a fresh temporary user-data directory on every launch and removes it on close.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A browser window of its own (own cookies), nobody signed in. */
export async function openWindow(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return { context, page: await context.newPage() };
}

/** A person's own browser window, signed in through the 登录 page. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  person: Person,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openWindow(browser, baseUrl);
  await page.goto('/login');
  await page.locator('#username').fill(person.id);
  await page.locator('#password').fill(person.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('who').filter({ hasText: person.name }).waitFor();
  return { context, page };
}

export { PEOPLE };

/** Saves the page as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(OUTPUT_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * Opens path and waits until ready is visible; records how long that took, measured in the
 * browser (navigation start to now), in test-output/page-timings/<name>.json. Not asserted: the
 * figures are for the README, timing assertions would make the suite flaky on a busy machine.
 */
export async function openAndTime(
  page: Page,
  path: string,
  ready: string,
  name: string,
): Promise<number> {
  await page.goto(path);
  try {
    await page.locator(ready).first().waitFor();
  } catch (error) {
    // What the page showed instead is the first thing to look at.
    await screenshot(page, `failed-${name}`);
    throw error;
  }
  const ms = await page.evaluate(() => Math.round(performance.now()));
  const dir = join(OUTPUT_DIR, 'page-timings');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ page: path, ms }) + '\n');
  return ms;
}

/** A fetch from inside the signed-in page: its cookies, and the CSRF header as the app sends it. */
export function fetchInPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      // Runs in the page (this file compiles without the DOM library).
      const { cookie } = (globalThis as any).document as { cookie: string };
      const csrf = /(?:^|;\s*)dl_csrf=([^;]*)/.exec(cookie)?.[1];
      const response = await fetch(path, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed };
    },
    { method, path, body },
  );
}
