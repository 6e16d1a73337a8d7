import { DEFAULT_MAX_APPEND_SIZE } from '@duty-ledger/event-store';
import { describeEventStoreContract } from './event-store.contract';
import { sqliteContractFactory } from './support/sqlite-fixture';

describeEventStoreContract('SqliteEventStore', sqliteContractFactory(), {
  maxAppendSize: DEFAULT_MAX_APPEND_SIZE,
});

// Pages of two rows make every read and subscription cross page boundaries, filters included.
describeEventStoreContract(
  'SqliteEventStore, reading in pages of 2 rows',
  sqliteContractFactory({ pageSize: 2 }),
  {
    maxAppendSize: DEFAULT_MAX_APPEND_SIZE,
  },
);
