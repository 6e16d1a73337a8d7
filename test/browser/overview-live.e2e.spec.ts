import type { Page } from 'playwright-core';
import { SCENARIO_TIMEOUT_MS, openAndTime, PEOPLE, screenshot, signIn } from './support/browser';
import { browserScenario } from './support/scenario';

jest.setTimeout(SCENARIO_TIMEOUT_MS);

const TARGET = 'changning-2024-digital-t05-g3'; // 相关创新功能性平台 ≥ 6 个, 东虹办 leads

/** The number of targets met, as the 总览 page shows it ("N / 39"). */
async function targetsMet(page: Page): Promise<number> {
  const text = (await page.getByTestId('kpi-met').textContent()) ?? '';
  const match = /(\d+) \/ 39/.exec(text);
  if (!match) throw new Error(`no "N / 39" in ${text}`);
  return Number(match[1]);
}

/** 总览 on a big screen: it follows the log as it grows, and shows any past day on request. */
describe('总览', () => {
  const scenario = browserScenario();
  const { server } = scenario;
  let metBefore: number;

  it('given the page is open, when a report meeting a target comes in through the API, then the figures change without a reload', async () => {
    // The plan was registered at 10:00 China time on 2024-06-15; this happens the next morning.
    server.api.clock.set('2024-06-16T01:00:00Z');
    await server.recordSomeWork([
      '区民政局',
      '区文化旅游局',
      '区建设管理委',
      '区卫生健康委',
      '区教育局',
    ]);
    const viewer = await signIn(scenario.browser, server.baseUrl, PEOPLE.supervisor);
    await openAndTime(viewer.page, '/overview', '[data-testid="kpi-met"]', 'overview');
    await viewer.page.getByText('实时更新中').waitFor();
    metBefore = await targetsMet(viewer.page);
    // A marker that a reload would wipe.
    await viewer.page.evaluate(() => ((globalThis as any).marker = 42));

    const lead = server.api.token('lead', '东虹办', 'li.na');
    const report = await server.api.request('POST', `/targets/${TARGET}/milestones`, {
      token: lead,
      body: {
        value: 6,
        asOf: '2024-06-15',
        evidence: ['https://oa.example.gov.cn/files/platforms-6'],
      },
    });
    expect(report.status).toBe(201);

    await viewer.page
      .getByTestId('kpi-met')
      .filter({ hasText: `${metBefore + 1} / 39` })
      .waitFor();
    await expect(viewer.page.evaluate(() => (globalThis as any).marker)).resolves.toBe(42);
    await screenshot(viewer.page, 'overview');
    await viewer.context.close();
  });

  it('given a 截至 day before the report, when it is picked, then every number is as it stood that day', async () => {
    const viewer = await signIn(scenario.browser, server.baseUrl, PEOPLE.supervisor);
    await viewer.page.goto('/overview');
    await viewer.page
      .getByTestId('kpi-met')
      .filter({ hasText: `${metBefore + 1} / 39` })
      .waitFor();

    const picker = viewer.page
      .locator('[data-testid="as-of"] input, input[data-testid="as-of"]')
      .first();
    await picker.click();
    await picker.fill('2024-06-15');
    await picker.press('Enter');
    await viewer.page.getByText('历史视图：截至 2024-06-15').waitFor();
    // The day before: the plan registered, nothing reported yet.
    await viewer.page.getByTestId('kpi-met').filter({ hasText: '0 / 39' }).waitFor();
    await viewer.context.close();
  });
});
