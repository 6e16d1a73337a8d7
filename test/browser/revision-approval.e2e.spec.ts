import {
  SCENARIO_TIMEOUT_MS,
  fetchInPage,
  openAndTime,
  PEOPLE,
  screenshot,
  signIn,
} from './support/browser';
import { browserScenario } from './support/scenario';

// 相关创新功能性平台 ≥ 6 个 and 营业收入 ≥ 2900 亿元; 东虹办 is the task's only lead.
const TARGET = 'changning-2024-digital-t05-g3';
const METRIC = '相关创新功能性平台';
const OTHER_TARGET = 'changning-2024-digital-t05-g2';
const OTHER_METRIC = '营业收入';

jest.setTimeout(SCENARIO_TIMEOUT_MS);

/** Four eyes on a lowered target: the lead proposes, a supervisor decides, never the proposer. */
describe('a lowered target, proposed by a lead and approved in 督办台', () => {
  const scenario = browserScenario();
  const { server } = scenario;

  it('given an acknowledged target, when the lead proposes 5 and a supervisor approves it, then the lead sees the new terms and the acknowledgement reopened', async () => {
    const lead = await signIn(scenario.browser, server.baseUrl, PEOPLE.lead);
    await lead.page.goto('/todo');
    const row = lead.page.locator(`tr[data-row="${TARGET}"]`);
    await row.getByRole('button', { name: '签收' }).click();
    await row.locator('[data-ack="acknowledged"]').waitFor();

    await row.getByRole('button', { name: '申请调整指标' }).click();
    await lead.page.locator('#value').fill('5');
    await lead.page.locator('#reason').fill('一处平台载体改建，年内无法投用');
    await lead.page.locator('#reference').fill('长东虹〔2024〕7号');
    const proposedAnswer = lead.page.waitForResponse(
      (r) => r.url().endsWith(`/targets/${TARGET}/revisions`) && r.request().method() === 'POST',
    );
    await lead.page.getByTestId('action-submit').click();
    const { revisionId } = (await (await proposedAnswer).json()) as { revisionId: string };
    await lead.page.locator('.ant-modal').waitFor({ state: 'detached' });
    // Proposed, not yet in force.
    await expect(row.getByTestId('current-target').textContent()).resolves.toBe('≥ 6 个');

    // The proposer cannot decide the proposal, whatever the page offers.
    const ownApproval = await fetchInPage(
      lead.page,
      'POST',
      `/targets/${TARGET}/revisions/${revisionId}/approve`,
      {},
    );
    expect(ownApproval.status).toBe(403);

    const supervisor = await signIn(scenario.browser, server.baseUrl, PEOPLE.supervisor);
    await openAndTime(supervisor.page, '/supervision', 'tbody tr[data-row-key]', 'supervision');
    const item = supervisor.page.locator('tbody tr', { hasText: METRIC });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('一处平台载体改建');
    await expect(item.getByTestId('approval-terms').textContent()).resolves.toBe('≥ 6 → ≥ 5');
    await screenshot(supervisor.page, 'supervision-queue');

    await item.getByRole('button', { name: '同意' }).click();
    await supervisor.page.getByTestId('action-submit').click();
    await item.waitFor({ state: 'detached' });

    await lead.page.reload();
    await expect(row.getByTestId('current-target').textContent()).resolves.toBe('≥ 5 个');
    await row.getByText('原 ≥ 6 个').waitFor();
    await row.locator('[data-ack="reopened"]').waitFor();

    // 指标详情 shows both terms and the decision in the history.
    await openAndTime(lead.page, `/target/${TARGET}`, '[data-testid="history-entry"]', 'target');
    await expect(lead.page.getByTestId('original-terms').textContent()).resolves.toContain(
      '≥ 6 个',
    );
    await expect(lead.page.getByTestId('current-terms').textContent()).resolves.toContain('≥ 5 个');
    await lead.page.getByText('一处平台载体改建，年内无法投用').first().waitFor();
    await lead.page.getByTestId('progress-chart').locator('canvas').waitFor();
    await screenshot(lead.page, 'target-detail');
    await lead.context.close();
    await supervisor.context.close();
  });

  it('given a supervisor who asked for four eyes, when that supervisor opens the queue, then the own proposal cannot be approved there or through the API', async () => {
    const proposer = await signIn(scenario.browser, server.baseUrl, PEOPLE.supervisor2);
    const proposed = await fetchInPage(
      proposer.page,
      'POST',
      `/targets/${OTHER_TARGET}/revisions`,
      {
        value: 300,
        reason: '按区委要求下调',
        proposeOnly: true,
      },
    );
    expect(proposed.status).toBe(201);
    const revisionId = (proposed.body as { revisionId: string }).revisionId;

    await proposer.page.goto('/supervision');
    const own = proposer.page.locator('tbody tr', { hasText: OTHER_METRIC });
    await own.getByTestId('own-request').waitFor();
    await expect(own.getByRole('button', { name: '同意' }).count()).resolves.toBe(0);

    const approve = await fetchInPage(
      proposer.page,
      'POST',
      `/targets/${OTHER_TARGET}/revisions/${revisionId}/approve`,
      {},
    );
    expect(approve.status).toBe(403);

    // Another supervisor may decide it.
    const other = await signIn(scenario.browser, server.baseUrl, PEOPLE.supervisor);
    await other.page.goto('/supervision');
    await other.page
      .locator('tbody tr', { hasText: OTHER_METRIC })
      .getByRole('button', { name: '同意' })
      .waitFor();
    await proposer.context.close();
    await other.context.close();
  });
});
