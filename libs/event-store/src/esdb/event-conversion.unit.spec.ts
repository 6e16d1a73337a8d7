import { binaryEvent, type EventData, type ResolvedEvent } from '@eventstore/db-client';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { EventStoreError, UnknownSchemaVersionError } from '../port/errors';
import type { JsonObject, NewEvent } from '../port/events';
import { UpcasterRegistry } from '../port/upcasting';
import { SCHEMA_VERSION_KEY, fromClientEvent, toEventData } from './event-conversion';
import { readEventAsServerSends, type StoredAt } from './server-messages.testing';

const at: StoredAt = {
  streamId: 'obligation-7',
  revision: 3,
  position: { commit: 5120n, prepare: 5100n },
  created: new Date('2024-03-01T08:30:00.123Z'),
};

/** Writes through toEventData, stores as the server does, reads back through the client's decoder. */
function roundTrip(event: NewEvent, upcasters?: UpcasterRegistry) {
  return fromClientEvent(clientRead(toEventData(event)), upcasters);
}

function clientRead(data: EventData): ResolvedEvent {
  return convertGrpcEvent(readEventAsServerSends(data, at));
}

describe('event conversion', () => {
  it('round-trips Chinese text in data and metadata', () => {
    const recorded = roundTrip({
      id: '5f0a9a51-6a7e-4a43-9a5e-3b0b5d3c2f10',
      type: 'ObligationAssigned',
      schemaVersion: 1,
      data: { task: '推进“一网通办”改革', lead: '区数据局', supporting: ['区政务服务中心'] },
      metadata: { actor: '张伟', reason: '牵头单位调整' },
    });
    expect(recorded).toEqual({
      id: '5f0a9a51-6a7e-4a43-9a5e-3b0b5d3c2f10',
      type: 'ObligationAssigned',
      schemaVersion: 1,
      data: { task: '推进“一网通办”改革', lead: '区数据局', supporting: ['区政务服务中心'] },
      metadata: { actor: '张伟', reason: '牵头单位调整' },
      streamId: 'obligation-7',
      revision: 3,
      position: { commit: 5120n, prepare: 5100n },
      recordedAt: new Date('2024-03-01T08:30:00.123Z'),
    });
  });

  it('keeps the schema version in the custom metadata, the only metadata the server keeps', () => {
    const data = toEventData({ type: 'TargetRevised', schemaVersion: 3, data: { value: 1 } });
    expect(data.contentType).toBe('application/json');
    expect(data.metadata).toEqual({ [SCHEMA_VERSION_KEY]: 3 });
    const recorded = fromClientEvent(clientRead(data));
    expect(recorded.schemaVersion).toBe(3);
    expect(recorded.metadata).toEqual({});
  });

  it('generates an id when none is given and keeps a given one', () => {
    const generated = toEventData({ type: 'A', schemaVersion: 1, data: {} });
    expect(generated.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const given = toEventData({
      id: 'a1a2a3a4-b1b2-4c1c-8d1d-e1e2e3e4e5e6',
      type: 'A',
      schemaVersion: 1,
      data: {},
    });
    expect(given.id).toBe('a1a2a3a4-b1b2-4c1c-8d1d-e1e2e3e4e5e6');
  });

  it('refuses metadata that uses the reserved key, impossible schema versions and non-objects', () => {
    expect(() =>
      toEventData({ type: 'A', schemaVersion: 1, data: {}, metadata: { [SCHEMA_VERSION_KEY]: 2 } }),
    ).toThrow(TypeError);
    for (const schemaVersion of [0, -1, 1.5, Number.NaN]) {
      expect(() => toEventData({ type: 'A', schemaVersion, data: {} })).toThrow(TypeError);
    }
    const notObjects = [null, [], 'text'] as unknown as JsonObject[];
    for (const data of notObjects) {
      expect(() => toEventData({ type: 'A', schemaVersion: 1, data })).toThrow(TypeError);
      expect(() => toEventData({ type: 'A', schemaVersion: 1, data: {}, metadata: data })).toThrow(
        TypeError,
      );
    }
  });

  it('upcasts old versions on read', () => {
    const upcasters = new UpcasterRegistry()
      .register('TargetSet', 1, (data) => ({ ...data, unit: '个' }))
      .register('TargetSet', 2, ({ value, ...rest }) => ({ ...rest, amount: value }));
    const recorded = roundTrip(
      { type: 'TargetSet', schemaVersion: 1, data: { value: 12 } },
      upcasters,
    );
    expect(recorded.schemaVersion).toBe(3);
    expect(recorded.data).toEqual({ unit: '个', amount: 12 });
  });

  it('fails on a version no upcaster path leads from', () => {
    const upcasters = new UpcasterRegistry().register('TargetSet', 2, (data) => data);
    expect(() => roundTrip({ type: 'TargetSet', schemaVersion: 1, data: {} }, upcasters)).toThrow(
      UnknownSchemaVersionError,
    );
  });

  it('reads events written by other tools, without metadata, as version 1', () => {
    const foreign: EventData = {
      id: '0b5c2b55-8a34-4cc5-9b1e-7a0a6f0c8a11',
      contentType: 'application/json',
      type: 'Imported',
      data: { n: 1 },
      metadata: undefined,
    };
    const recorded = fromClientEvent(clientRead(foreign));
    expect(recorded).toMatchObject({ schemaVersion: 1, metadata: {}, data: { n: 1 } });
  });

  it('decodes JSON stored without the JSON flag, and refuses data that is not a JSON object', () => {
    const bytes = binaryEvent({ type: 'Raw', data: Buffer.from('{"规划":"2024"}', 'utf8') });
    expect(fromClientEvent(clientRead(bytes)).data).toEqual({ 规划: '2024' });
    const notJson = binaryEvent({ type: 'Raw', data: Buffer.from([0xff, 0x00]) });
    expect(() => fromClientEvent(clientRead(notJson))).toThrow(EventStoreError);
    const list = binaryEvent({ type: 'Raw', data: Buffer.from('[1,2]', 'utf8') });
    expect(() => fromClientEvent(clientRead(list))).toThrow(EventStoreError);
  });
});
