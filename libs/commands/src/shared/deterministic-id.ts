export { deterministicUuid, newId } from '@duty-ledger/event-store';
