import 'reflect-metadata';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import ExcelJS from 'exceljs';
import {
  EVENT_STORE,
  SqliteEventStore,
  formatPosition,
  type Position,
} from '@duty-ledger/event-store';
import { CLOCK, FixedClock } from '@duty-ledger/clock';
import { ProblemFilter, createValidationPipe } from '@duty-ledger/http';
import type { PlanEvent, TaskEvent } from '@duty-ledger/domain';
import { ProjectionRunner } from '@duty-ledger/projections';
import { ProjectionsModule } from '@duty-ledger/projections/nest';
import { planImport } from '../../libs/projections/src/testing/plan-fixture';

const clock = new FixedClock('2024-01-05T02:00:00.000Z');
const store = SqliteEventStore.open({
  path: ':memory:',
  fsync: false,
  clock: () => clock.now(),
  pollIntervalMs: 20,
});

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, useValue: store },
    { provide: CLOCK, useValue: clock },
  ],
  exports: [EVENT_STORE, CLOCK],
})
class InfrastructureModule {}

async function append(
  events: readonly (PlanEvent | TaskEvent)[],
  actor: object = { id: 'u-sup', role: 'supervisor' },
): Promise<Position> {
  let last: Position | undefined;
  for (const event of events) {
    const data = event.data as { planId?: string; taskId?: string };
    const streamId =
      event.type === 'PlanRegistered' ? `plan-${data.planId}` : `task-${data.taskId}`;
    const metadata = {
      actor,
      commandId: `c-${clock.now().getTime()}`,
      occurredAt: clock.now().toISOString(),
    } as never;
    last = (
      await store.append(
        streamId,
        [{ type: event.type, schemaVersion: 1, data: event.data as never, metadata }],
        { expectedRevision: 'any' },
      )
    ).position;
  }
  return last as Position;
}

describe('read side over HTTP', () => {
  let app: NestFastifyApplication;
  let seeded: Position;

  beforeAll(async () => {
    seeded = await append(
      planImport('p24', 2024, [
        {
          no: 1,
          title: '推进移动通信网络覆盖',
          leads: ['区数据局'],
          supporting: ['区科委'],
          targets: [{ metric: '住宅小区地下车库移动通信网络覆盖', value: 100, unit: '个' }],
        },
        { no: 2, title: '深化城市运行数字体征', leads: ['区城运中心'] },
      ]),
      { id: 'u-admin', role: 'admin' },
    );
    clock.set('2024-06-10T02:00:00.000Z');
    seeded = await append([
      {
        type: 'TargetRevised',
        schemaVersion: 1,
        data: {
          taskId: 'p24-t01',
          targetId: 'p24-t01-g1',
          revisionId: 'r1',
          before: { value: 100 },
          after: { value: 80 },
          reason: '工作调整',
          proposedBy: 'u-区数据局',
          approvedBy: 'u-sup',
        },
      },
    ]);
    clock.set('2024-07-01T00:00:00.000Z');

    const moduleRef = await Test.createTestingModule({
      imports: [
        InfrastructureModule,
        ProjectionsModule.register({
          dataDir: '/unused',
          databasePath: ':memory:',
          waitForTimeoutMs: 200,
        }),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: ['error'],
    });
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const getJson = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  it('answers a unit’s obligations once the position it waits for is projected', async () => {
    const { status, body } = await getJson(
      `/units/${encodeURIComponent('区数据局')}/obligations?waitFor=${formatPosition(seeded)}`,
    );
    expect(status).toBe(200);
    expect(body.asOf).toBe('2024-07-01T00:00:00.000Z');
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      unit: '区数据局',
      role: 'lead',
      target: { value: 80 },
      originalTarget: { value: 100 },
      status: { light: 'not-acknowledged', ruleSetId: 'default' },
    });
    const earlier = await getJson(
      `/units/${encodeURIComponent('区数据局')}/obligations?asOf=2024-06-01T00:00:00%2B08:00`,
    );
    expect(earlier.body.items[0].target.value).toBe(100);
  });

  it('pages obligations and validates every parameter, naming the bad one', async () => {
    const page = await getJson('/obligations?limit=2&offset=0');
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0, nextOffset: 2 });
    expect((await getJson('/obligations?status=at-risk&planId=p24')).body.total).toBe(0);

    const unknown = await getJson('/obligations?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/colour/);
    const badDate = await getJson('/obligations?asOf=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.body.detail).toMatch(/^asOf/);
    expect((await getJson('/obligations?limit=0')).body.detail).toMatch(/^limit/);
    expect((await getJson('/obligations?status=purple')).body.detail).toMatch(
      /^status 的取值无效.*must be one of done, overdue/,
    );
    expect((await getJson('/obligations?waitFor=latest')).status).toBe(400);
  });

  it('gives target details and history, and 404 for an unknown target', async () => {
    const details = await getJson('/targets/p24-t01-g1');
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      targetId: 'p24-t01-g1',
      current: { value: 80 },
      original: { value: 100 },
      status: { light: 'not-acknowledged' },
    });
    expect(details.body.status.metCurrent).toBeUndefined();
    const history = await getJson('/targets/p24-t01-g1/history');
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'TargetRegistered',
      'LeadAssigned',
      'SupportingUnitAssigned',
      'TargetRevised',
    ]);
    expect((await getJson('/targets/p24-t09-g1')).status).toBe(404);
    expect((await getJson('/targets/p24-t01-g1/history?asOf=2024-01-01T00:00:00Z')).status).toBe(
      404,
    );
  });

  it('serves the audit feed as JSON, CSV and XLSX, the attention list and the dashboard', async () => {
    const feed = await getJson('/audit/target-changes?kind=lowered&from=2024-06-01&to=2024-06-30');
    expect(feed.body.items).toHaveLength(1);
    expect(feed.body.items[0]).toMatchObject({
      kind: 'lowered',
      previous: { value: 100 },
      next: { value: 80 },
    });
    expect((await getJson('/audit/target-changes?kind=sideways')).status).toBe(400);

    const csv = await app.inject({ method: 'GET', url: '/audit/target-changes.csv' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''%E6%8C%87%E6%A0%87");
    expect(csv.body.startsWith('\uFEFF生效时间,类型')).toBe(true);

    const xlsx = await app.inject({
      method: 'GET',
      url: `/obligations.xlsx?unit=${encodeURIComponent('区科委')}`,
    });
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('单位');
    expect(sheet.getRow(2).getCell(1).value).toBe('区科委');
    expect(sheet.getRow(2).getCell(2).value).toBe('配合');

    const attention = await getJson('/audit/attention?unackDays=30');
    expect(attention.body.now).toBe('2024-07-01T00:00:00.000Z');
    expect(attention.body.unacknowledged.items.map((a: { unit: string }) => a.unit).sort()).toEqual(
      ['区城运中心', '区数据局', '区科委'],
    );

    const dashboard = await getJson('/dashboard/summary?planId=p24');
    expect(dashboard.body.plan).toMatchObject({ total: 2, targets: 1 });
    expect((await getJson('/dashboard/summary')).body.detail).toMatch(/^planId/);
  });

  it('reports where the read models stand', async () => {
    const { body } = await getJson('/projections/status');
    expect(body).toMatchObject({
      running: true,
      caughtUp: true,
      headPosition: formatPosition(seeded),
    });
    expect(body.projections.map((p: { name: string }) => p.name)).toEqual([
      'obligations',
      'targets',
      'target-changes',
      'approvals',
      'status-rules',
    ]);
  });

  it('streams projected changes as Server-Sent Events, resuming after Last-Event-ID', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as AddressInfo;
    const received = await new Promise<string>((resolve, reject) => {
      const request = get(
        {
          host: '127.0.0.1',
          port,
          path: '/events/stream',
          headers: { 'last-event-id': '3', accept: 'text/event-stream' },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
            if (/id: 6\ndata: [^\n]*\n\n/.test(text)) {
              request.destroy();
              resolve(text);
            }
          });
        },
      );
      request.on('error', reject);
    });
    const ids = [...received.matchAll(/^id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(['4', '5', '6']);
    expect(received).toContain('event: projected');
    expect(received).toMatch(
      /data: \{"position":"6","type":"TaskRegistered","streamId":"task-p24-t02"/,
    );
  });

  it('answers 503 with Retry-After when the read models do not reach the position in time', async () => {
    await app.get(ProjectionRunner).stop();
    const late = await append([
      {
        type: 'LeadAssigned',
        schemaVersion: 1,
        data: { taskId: 'p24-t02', unit: '区科委', reason: '补充' },
      },
    ]);
    const response = await app.inject({
      method: 'GET',
      url: `/obligations?waitFor=${formatPosition(late)}`,
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toMatchObject({ status: 503, code: 'service-unavailable' });
    app.get(ProjectionRunner).start();
    expect(
      (await app.inject({ method: 'GET', url: `/obligations?waitFor=${formatPosition(late)}` }))
        .statusCode,
    ).toBe(200);
  });
});
