import { TestApp } from '../e2e/support/test-app';

/** Cases the API fuzzer found answered wrongly (a 5xx, or a 2xx for bad input), kept for good. */
describe('fuzzer findings stay fixed', () => {
  const api = new TestApp({ ownStore: true });
  beforeAll(async () => {
    await api.start();
    await api.seed();
  });
  afterAll(() => api.stop());

  it('dueBefore that names no day (2024-13-45, 2024-02-30) is a 400 naming the field', async () => {
    for (const day of ['2024-13-45', '2024-02-30']) {
      const answer = await api.request('GET', `/obligations?dueBefore=${day}`, {
        token: api.token('supervisor'),
      });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('dueBefore');
    }
  });

  it('an offset past 2^53 is a 400 naming the field, not a 500 from SQLite', async () => {
    for (const url of ['/audit/target-changes', '/obligations']) {
      const answer = await api.request('GET', `${url}?offset=99999999999999999999`, {
        token: api.token('supervisor'),
      });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('offset');
    }
  });

  it('a plan whose text is not a string is a 400, not a 500', async () => {
    const answer = await api.request('POST', '/plans', {
      token: api.token('admin'),
      body: { text: {}, planId: 'fuzz-plan', title: '测试计划' },
    });
    expect(answer.status).toBe(400);
  });

  it('a text that is not a string is a 400 also when a structure is sent beside it', async () => {
    const answer = await api.request('POST', '/plans', {
      token: api.token('admin'),
      body: { text: {}, planId: 'fuzz-plan-2', title: '测试计划', year: 2024, sections: [] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ field: 'text' }));
  });

  it('a status-rule set without its parameters is a 400 naming them, not a 500', async () => {
    const answer = await api.request('POST', '/status-rules', {
      token: api.token('admin'),
      body: {
        ruleSetId: 'changning-2024',
        rules: [{ light: 'on-track', when: [['always']] }],
        reason: '调整',
      },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('parameters');
  });
});
