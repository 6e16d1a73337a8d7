import { SCENARIO_TIMEOUT_MS, openAndTime, PEOPLE, screenshot, signIn } from './support/browser';
import { browserScenario } from './support/scenario';

// 相关创新功能性平台 ≥ 6 个 by 2024-12-31; 东虹办 is the task's only lead.
const TARGET = 'changning-2024-digital-t05-g3';

jest.setTimeout(SCENARIO_TIMEOUT_MS);

/** A department lead works through 我的待办: acknowledge, report, see the light move. */
describe('a lead in 我的待办', () => {
  const scenario = browserScenario();
  const { server } = scenario;

  it('given the seed plan, when the lead signs in, acknowledges and reports progress, then the light and progress change in place', async () => {
    const { page, context } = await signIn(scenario.browser, server.baseUrl, PEOPLE.lead);
    await openAndTime(page, '/todo', `tr[data-row="${TARGET}"]`, 'todo');
    const row = page.locator(`tr[data-row="${TARGET}"]`);

    // Everything 东虹办 owes is listed, tasks without a numeric target too.
    await expect(page.locator('tbody tr[data-row]').count()).resolves.toBeGreaterThan(2);
    await page.getByText('无量化指标').first().waitFor();
    await row.locator('[data-ack="pending"]').waitFor();
    await row.locator('[data-light="not-acknowledged"]').waitFor();
    await screenshot(page, 'todo-lead');

    await row.getByRole('button', { name: '签收' }).click();
    await row.locator('[data-ack="acknowledged"]').waitFor();
    // Acknowledged, nothing reported in mid-June: behind the pro-rata line.
    await row.locator('[data-light="at-risk"]').waitFor();

    await row.getByRole('button', { name: '填报进展' }).click();
    await page.locator('#value').fill('4');
    await page.locator('#asOf').fill('2024-06-14');
    await page.locator('#asOf').press('Enter');
    await page.locator('#evidence').fill('https://oa.example.gov.cn/files/platforms-4');
    await page.locator('#note').fill('已建成4个创新功能性平台');
    await page.getByTestId('action-submit').click();

    await row.locator('[data-light="on-track"]').waitFor();
    await expect(row.getByTestId('latest-value').textContent()).resolves.toBe('4');
    await expect(row.getByTestId('progress').textContent()).resolves.toContain('67%');
    await screenshot(page, 'todo-after-report');
    await context.close();
  });

  it('given a report dated in the future, when the lead submits it, then the API reason is shown next to the form and nothing changes', async () => {
    const { page, context } = await signIn(scenario.browser, server.baseUrl, PEOPLE.lead);
    await page.goto('/todo');
    const row = page.locator(`tr[data-row="${TARGET}"]`);
    const before = await row.getByTestId('latest-value').textContent();
    await row.getByRole('button', { name: '填报进展' }).click();
    await page.locator('#value').fill('5');
    await page.locator('#asOf').fill('2024-12-30');
    await page.locator('#asOf').press('Enter');
    await page.getByTestId('action-submit').click();

    const refusal = page.locator('[data-refusal="422"]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/^不符合业务规则：/);
    await page.getByRole('button', { name: '取消' }).click();
    await page.reload();
    await expect(row.getByTestId('latest-value').textContent()).resolves.toBe(before);
    await context.close();
  });
});
