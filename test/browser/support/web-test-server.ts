import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { TestApp } from '../../e2e/support/test-app';

const { ensureWebBuilt } = require('../../../scripts/build-web.js');

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: 'admin' | 'supervisor' | 'lead' | 'viewer';
  readonly unit?: string;
  readonly password: string;
}

/** People the scenarios sign in as (created through the users API on each fresh data directory). */
export const PEOPLE = {
  lead: { id: 'li.na', name: '李娜', role: 'lead', unit: '东虹办', password: 'lina-pass-2024' },
  supervisor: { id: 'zhang.wei', name: '张伟', role: 'supervisor', password: 'zhangwei-pass-2024' },
  supervisor2: {
    id: 'wang.fang',
    name: '王芳',
    role: 'supervisor',
    password: 'wangfang-pass-2024',
  },
  admin: { id: 'chen.jie', name: '陈杰', role: 'admin', password: 'chenjie-pass-2024' },
} as const satisfies Record<string, Person>;

/**
 * The real service with the built web app, listening on a free port of 127.0.0.1, on a fresh
 * data directory with the seed plan (the clock stands at 2024-06-15, see TestApp).
 */
export class WebTestServer {
  readonly api = new TestApp({
    ownStore: true,
    config: { webDir: resolve(__dirname, '../../../dist/web') },
  });
  baseUrl = '';

  async start(): Promise<this> {
    ensureWebBuilt({ quiet: true });
    await this.api.start();
    await this.api.seed();
    await this.api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = this.api.app.getHttpServer().address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    const admin = this.api.token('admin', undefined, 'test-setup');
    for (const person of Object.values(PEOPLE)) {
      const created = await this.api.request('POST', '/users', { token: admin, body: person });
      if (created.status !== 201 && created.status !== 200)
        throw new Error(`creating ${person.id}: ${created.status} ${JSON.stringify(created.body)}`);
    }
    return this;
  }

  /**
   * A morning's work through the API, so the pages have more than one light to show: each unit
   * acknowledges what it leads and reports on its targets, some ahead of the pro-rata line, some
   * behind it.
   */
  async recordSomeWork(units: readonly string[]): Promise<void> {
    for (const [i, unit] of units.entries()) {
      const token = this.api.token('lead', unit, `lead-${i}`);
      const owed = await this.api.request('GET', `/units/${unit}/obligations?limit=100`, { token });
      const tasks = new Set<string>();
      for (const o of owed.body.items as any[]) {
        if (o.role !== 'lead') continue;
        if (!tasks.has(o.taskId) && i % 4 !== 3) {
          tasks.add(o.taskId);
          await this.expectOk(
            this.api.request('POST', `/tasks/${o.taskId}/assignments/${unit}/acknowledgement`, {
              token,
            }),
          );
        }
        if (o.targetId && o.target && i % 2 === 0) {
          const share = [0.2, 0.6, 0.9][(o.taskNo + i) % 3];
          await this.expectOk(
            this.api.request('POST', `/targets/${o.targetId}/milestones`, {
              token,
              body: { value: Math.round(o.target.value * share), asOf: '2024-06-14' },
            }),
          );
        }
      }
    }
  }

  private async expectOk(answer: ReturnType<TestApp['request']>): Promise<void> {
    const { status, body } = await answer;
    if (status >= 300) throw new Error(`${status} ${JSON.stringify(body)}`);
  }

  stop(): Promise<void> {
    return this.api.stop();
  }
}
