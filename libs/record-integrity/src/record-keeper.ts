import {
  START,
  WrongExpectedVersionError,
  type EventStore,
  type Subscription,
} from '@duty-ledger/event-store';
import {
  ChainCheck,
  START_OF_LOG,
  type ChainFailure,
  type ChainReport,
  type SealHeld,
} from './chain-check';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { recordOf } from './logged-record';
import { recordsOf, resumePoint } from './log-source';
import { SEAL_EVENT_TYPE, SEAL_SCHEMA_VERSION, SEAL_STREAM, sealData, signSeal } from './seal';
import type { SealKeyPair, SealPublicKey } from './seal-key';
import { verifyRecords } from './verify-log';

export interface RecordKeeperOptions {
  readonly store: EventStore;
  readonly key: SealKeyPair;
  /** Keys whose seals hold; the installation's own key among them. */
  readonly trusted: readonly SealPublicKey[];
  readonly now: () => Date;
  /** Seal once this many events are unsealed… */
  readonly sealEvery: number;
  /** …or once this long has passed with any unsealed event. */
  readonly sealIntervalMs: number;
  /** How often the part of the log after the last verified seal is read back and checked. */
  readonly verifyIntervalMs: number;
  /**
   * What is checked on start: 'full' reads the whole log back in the background (an event altered
   * long ago is found on the next start), 'tail' only what follows the last verified seal.
   */
  readonly verifyOnStart: 'full' | 'tail';
  /** The file keeping the last verified seal. */
  readonly checkpointFile: string;
  /** false: check seals only, write none (e.g. a read-only replica). */
  readonly sealing: boolean;
  /** false: neither seal nor check (status 'off'); for test servers shared by many installations. */
  readonly enabled?: boolean;
  readonly logger: { log(message: string): void; error(message: string): void };
}

export type RecordState = 'off' | 'checking' | 'sound' | 'broken';

export interface RecordStatus {
  readonly state: RecordState;
  readonly keyId: string;
  readonly sealing: boolean;
  /** The newest seal found to hold. */
  readonly lastVerifiedSeal?: SealHeld;
  /** Events (other than seals) not covered by a seal yet. */
  readonly unsealed: number;
  readonly lastCheckAt?: string;
  readonly failure?: ChainFailure;
}

/**
 * The service's keeper of the record: follows the log, hashing each event into the chain and
 * checking every seal it meets; once caught up, seals every `sealEvery` events or `sealIntervalMs`;
 * every `verifyIntervalMs` reads back the part after the last verified seal. A broken seal is
 * logged as an error and turns the status to 'broken' for good; nothing is sealed after it, so a
 * seal never vouches for an altered record.
 */
export class RecordKeeper {
  private check: ChainCheck | undefined;
  private subscription: Subscription | undefined;
  private caughtUp = false;
  private sealInFlight = 0;
  private state: RecordState = 'checking';
  private failure: ChainFailure | undefined;
  private lastVerified: SealHeld | undefined;
  private lastCheckAt: string | undefined;
  private timers: NodeJS.Timeout[] = [];
  private following: Promise<void> | undefined;
  private verifying: Promise<ChainReport> | undefined;
  private stopped = false;
  private startCheckDone = false;

  constructor(private readonly options: RecordKeeperOptions) {}

  start(): void {
    if (this.options.enabled === false) {
      this.state = 'off';
      return;
    }
    this.lastVerified = readCheckpoint(this.options.checkpointFile);
    this.following = this.follow().catch((error: unknown) => {
      if (!this.stopped) this.options.logger.error(`Record keeper stopped: ${String(error)}`);
    });
    void this.checkOnStart();
    this.timers.push(
      setInterval(() => this.sealIfDue(true), this.options.sealIntervalMs).unref(),
      setInterval(() => void this.verifyNow(), this.options.verifyIntervalMs).unref(),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.subscription?.stop();
    await this.following;
    await this.verifying?.catch(() => undefined);
  }

  status(): RecordStatus {
    return {
      state: this.state,
      keyId: this.options.key.publicKey.keyId,
      sealing: this.options.sealing && this.state !== 'off' && this.state !== 'broken',
      ...(this.lastVerified ? { lastVerifiedSeal: this.lastVerified } : {}),
      unsealed: this.check?.unsealedRecords ?? 0,
      ...(this.lastCheckAt ? { lastCheckAt: this.lastCheckAt } : {}),
      ...(this.failure ? { failure: this.failure } : {}),
    };
  }

  /** Reads back the log after the last verified seal and checks it (also run periodically). */
  verifyNow(): Promise<ChainReport> {
    this.verifying ??= this.verifyTail().finally(() => (this.verifying = undefined));
    return this.verifying;
  }

  private async checkOnStart(): Promise<void> {
    try {
      await (this.options.verifyOnStart === 'full' ? this.verifyTail(true) : this.verifyNow());
    } catch (error) {
      if (!this.stopped) this.options.logger.error(`Could not check the record: ${String(error)}`);
      return;
    }
    this.startCheckDone = true;
    this.markSoundWhenReady();
  }

  private markSoundWhenReady(): void {
    if (this.state === 'checking' && this.caughtUp && this.startCheckDone) this.state = 'sound';
  }

  private async verifyTail(fromStart = false): Promise<ChainReport> {
    const verifiedBefore = this.lastVerified;
    const { point, after } = fromStart
      ? { point: START_OF_LOG, after: undefined }
      : await resumePoint(this.options.store, verifiedBefore);
    const report = await verifyRecords(recordsOf(this.options.store, after), this.options.trusted, {
      start: point,
      verifiedBefore,
    });
    this.lastCheckAt = this.options.now().toISOString();
    if (report.failure) {
      this.broken(report.failure, report.lastGoodSeal ?? (fromStart ? undefined : verifiedBefore));
    } else if (report.lastGoodSeal) this.verified(report.lastGoodSeal);
    return report;
  }

  private async follow(): Promise<void> {
    const verifiedBefore = this.lastVerified;
    const { point, after } = await resumePoint(this.options.store, verifiedBefore);
    const check = new ChainCheck(this.options.trusted, point);
    this.check = check;
    this.subscription = this.options.store.subscribeToAll({ fromPosition: after ?? START });
    if (this.stopped) await this.subscription.stop();
    for await (const message of this.subscription) {
      if (message.kind === 'caughtUp') {
        this.caughtUp = true;
        const reached = check.report().lastGoodSeal?.sequence ?? point.sequence;
        if (verifiedBefore && reached < verifiedBefore.sequence) {
          this.broken(
            {
              position: '-',
              index: point.count,
              reason: `the log ends before seal #${verifiedBefore.sequence} (covering ${verifiedBefore.count} events), which was verified here before: events were removed from its end`,
            },
            check.report().lastGoodSeal,
          );
          return;
        }
        this.lastCheckAt = this.options.now().toISOString();
        this.markSoundWhenReady();
        this.sealIfDue(false);
        continue;
      }
      const failure = check.add(recordOf(message.event));
      if (failure) {
        this.broken(failure, check.report().lastGoodSeal ?? verifiedBefore);
        return;
      }
      const held = check.report().lastGoodSeal;
      if (held && held.sequence !== this.lastVerified?.sequence) this.verified(held);
      this.sealIfDue(false);
    }
  }

  private sealIfDue(timerFired: boolean): void {
    const check = this.check;
    if (!check || !this.options.sealing || !this.caughtUp || this.state === 'broken') return;
    if (this.sealInFlight > (this.lastVerified?.sequence ?? 0)) return;
    const pending = check.unsealedRecords;
    if (pending === 0 || (!timerFired && pending < this.options.sealEvery)) return;
    const draft = check.draftSeal(this.options.now().toISOString());
    if (!draft) return;
    const seal = signSeal(draft, this.options.key);
    this.sealInFlight = seal.sequence;
    this.options.store
      .append(
        SEAL_STREAM,
        [{ type: SEAL_EVENT_TYPE, schemaVersion: SEAL_SCHEMA_VERSION, data: sealData(seal) }],
        // Seal n is revision n-1 of its stream: of two replicas sealing at once, one wins.
        { expectedRevision: seal.sequence === 1 ? 'no_stream' : seal.sequence - 2 },
      )
      .catch((error: unknown) => {
        this.sealInFlight = 0;
        if (!(error instanceof WrongExpectedVersionError) && !this.stopped) {
          this.options.logger.error(`Could not record seal #${seal.sequence}: ${String(error)}`);
        }
      });
  }

  private verified(seal: SealHeld): void {
    if (this.lastVerified && this.lastVerified.sequence >= seal.sequence) return;
    this.lastVerified = seal;
    writeCheckpoint(this.options.checkpointFile, seal);
  }

  private broken(failure: ChainFailure, lastHolding: SealHeld | undefined): void {
    if (this.state === 'broken') return;
    this.state = 'broken';
    this.failure = failure;
    this.options.logger.error(
      `THE RECORD IS BROKEN at position ${failure.position} (event #${failure.index}): ${failure.reason}. ` +
        `Last seal that holds: ${lastHolding ? `#${lastHolding.sequence} at position ${lastHolding.position}` : 'none'}. ` +
        'No further seals will be recorded; run `npm run cli -- verify` for the full report.',
    );
  }
}
