import {
  SCENARIO_TIMEOUT_MS,
  fetchInPage,
  openWindow,
  openAndTime,
  PEOPLE,
  screenshot,
  signIn,
} from './support/browser';
import { browserScenario } from './support/scenario';

jest.setTimeout(SCENARIO_TIMEOUT_MS);

/** Signing in and out, and what each role is offered. */
describe('sign-in and roles', () => {
  const scenario = browserScenario();
  const { server } = scenario;

  it('given a wrong password, when the person signs in, then it is refused with a Chinese message and no session', async () => {
    const { context, page } = await openWindow(scenario.browser, server.baseUrl);
    await openAndTime(page, '/', '#username', 'login');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login');
    await page.locator('#username').fill(PEOPLE.lead.id);
    await page.locator('#password').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.locator('.ant-alert-error');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('用户名或密码错误');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('dl_session');
    await context.close();
  });

  it('given a signed-in lead, when the lead signs out, then the old cookie gets 401 from the API', async () => {
    const { context, page } = await signIn(scenario.browser, server.baseUrl, PEOPLE.lead);
    const session = (await context.cookies()).find((c) => c.name === 'dl_session');
    expect(session?.httpOnly).toBe(true);
    const cookie = `dl_session=${session!.value}`;
    expect((await server.api.request('GET', '/me', { headers: { cookie } })).status).toBe(200);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#username').waitFor();
    expect((await server.api.request('GET', '/me', { headers: { cookie } })).status).toBe(401);
    expect(
      (
        await server.api.request('GET', `/units/${PEOPLE.lead.unit}/obligations`, {
          headers: { cookie },
        })
      ).status,
    ).toBe(401);
    await context.close();
  });

  it('given a lead, when the lead opens 督办台 by its address, then the page is refused and the API refuses its data too', async () => {
    const { context, page } = await signIn(scenario.browser, server.baseUrl, PEOPLE.lead);
    await expect(page.getByRole('menuitem').allTextContents()).resolves.toEqual([
      '我的待办',
      '总览',
    ]);
    await page.goto('/supervision');
    await page.getByText('无权访问').waitFor();
    await screenshot(page, 'lead-refused');
    expect((await fetchInPage(page, 'GET', '/audit/target-changes')).status).toBe(403);
    expect((await fetchInPage(page, 'GET', '/users')).status).toBe(403);
    await context.close();
  });

  it('given an admin, when the admin opens 用户管理 and 计划导入, then both show in Chinese', async () => {
    const { context, page } = await signIn(scenario.browser, server.baseUrl, PEOPLE.admin);
    await openAndTime(page, '/people', `tr[data-row-key="${PEOPLE.lead.id}"]`, 'people');
    await page
      .locator(`tr[data-row-key="${PEOPLE.lead.id}"]`)
      .getByText(PEOPLE.lead.unit)
      .waitFor();
    await screenshot(page, 'people');
    await openAndTime(page, '/import', '[data-testid="plan-text"]', 'import');
    await screenshot(page, 'import');
    await context.close();
  });
});
