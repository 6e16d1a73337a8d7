import { digestOf, EMPTY_HEAD, leafHash, nextHead, type Hex } from './record-hash';
import type { LoggedRecord } from './logged-record';
import type { SealPublicKey } from './seal-key';
import { sealOf, signatureProblem, type Seal, type UnsignedSeal } from './seal';

/** Which keys a check trusts: given ones, or (lacking any) whatever key each seal carries. */
export type TrustedKeys = readonly SealPublicKey[] | 'the key the seal carries';

/** Where a check begins: the start of the log, or just after the events a verified seal covers. */
export interface ChainPoint {
  /** Events before this point. */
  readonly count: number;
  /** The chain head after them. */
  readonly head: Hex;
  /** The seal that covered them (0: none). */
  readonly sequence: number;
}

export const START_OF_LOG: ChainPoint = { count: 0, head: EMPTY_HEAD, sequence: 0 };

/** The point just after the events a verified seal covers. */
export function pointAfter(seal: SealHeld): ChainPoint {
  return { count: seal.count, head: seal.head, sequence: seal.sequence };
}

export interface SealHeld {
  readonly sequence: number;
  /** Events it covers. */
  readonly count: number;
  readonly head: Hex;
  /** Where the seal event itself is. */
  readonly position: string;
  readonly sealedAt: string;
  /** The last event it covers, and where that was read: where a later check can resume. */
  readonly lastEventId: string | null;
  readonly lastPosition: string | null;
}

export interface ChainFailure {
  /** The first place whose content no longer matches: a store position. */
  readonly position: string;
  /** The same place as a 0-based index in the log's global order. */
  readonly index: number;
  readonly reason: string;
}

export interface ChainReport {
  readonly ok: boolean;
  /** Events read (from the start point on). */
  readonly eventsChecked: number;
  readonly sealsChecked: number;
  /** Events (other than seals) after the last seal's coverage: not covered by any seal yet. */
  readonly unsealed: number;
  /** The last seal that holds, if any (of those read). */
  readonly lastGoodSeal?: SealHeld;
  readonly failure?: ChainFailure;
}

interface Entry {
  readonly position: string;
  readonly id: string;
  readonly isSeal: boolean;
  readonly digest: string;
  /** Chain head after this event. */
  readonly head: Hex;
}

/**
 * Recomputes the hash chain of a log read in global order and checks each seal met on the way:
 * its signature, that it follows the previous one, every event digest it lists, and its head.
 * Stops at the first failure, which names the first position that no longer matches.
 */
export class ChainCheck {
  private readonly window: Entry[] = [];
  private windowStart: number;
  private windowHead: Hex;
  private sequence: number;
  private count: number;
  private head: Hex;
  private events = 0;
  private pendingRecords = 0;
  private seals = 0;
  private lastGood: SealHeld | undefined;
  private failure: ChainFailure | undefined;
  /**
   * Resuming after seal n, seals up to n come again after the events they cover: they were
   * checked before and are only leaves now (a copy put back in would break the next seal's digests).
   */
  private readonly checkedBefore: number;

  constructor(
    private readonly trusted: TrustedKeys,
    start: ChainPoint = START_OF_LOG,
  ) {
    this.windowStart = this.count = start.count;
    this.windowHead = this.head = start.head;
    this.sequence = this.checkedBefore = start.sequence;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Adds the next event of the log; returns the failure it reveals, if any. Ignored after a failure. */
  add(record: LoggedRecord): ChainFailure | undefined {
    if (this.failure) return this.failure;
    this.events += 1;
    const leaf = leafHash(record);
    this.head = nextHead(this.head, leaf);
    const found = sealOf(record);
    const checkedAlready =
      typeof found?.sequence === 'number' && found.sequence <= this.checkedBefore;
    const seal = checkedAlready ? undefined : found;
    this.window.push({
      position: record.position,
      id: record.id,
      isSeal: found !== undefined,
      digest: digestOf(leaf),
      head: this.head,
    });
    this.count += 1;
    if (!found) this.pendingRecords += 1;
    if (seal) this.failure = this.checkSeal(seal, record.position);
    return this.failure;
  }

  /** Events other than seals hashed since the last seal's coverage: what a new seal is for. */
  get unsealedRecords(): number {
    return this.pendingRecords;
  }

  /**
   * The seal that would cover every event hashed so far; undefined when there is nothing but
   * seals to cover (an idle log is not sealed again and again).
   */
  draftSeal(sealedAt: string): UnsignedSeal | undefined {
    if (this.failure || this.unsealedRecords === 0) return undefined;
    const last = this.window[this.window.length - 1];
    return {
      sequence: this.sequence + 1,
      fromCount: this.windowStart,
      count: this.count,
      previousHead: this.windowHead,
      head: this.head,
      digests: this.window.map((e) => e.digest),
      lastEventId: last.id,
      lastPosition: last.position,
      sealedAt,
    };
  }

  report(): ChainReport {
    return {
      ok: !this.failure,
      eventsChecked: this.events,
      sealsChecked: this.seals,
      unsealed: this.pendingRecords,
      ...(this.lastGood ? { lastGoodSeal: this.lastGood } : {}),
      ...(this.failure ? { failure: this.failure } : {}),
    };
  }

  private checkSeal(seal: Seal, position: string): ChainFailure | undefined {
    const sealIndex = this.count - 1;
    const at = (reason: string): ChainFailure => ({ position, index: sealIndex, reason });
    const problem = signatureProblem(seal, this.trusted);
    if (problem) return at(`seal #${String(seal.sequence)} at position ${position}: ${problem}`);
    if (seal.sequence !== this.sequence + 1) {
      return at(
        `seal #${seal.sequence} at position ${position} follows seal #${this.sequence}: a seal is missing, repeated or out of place`,
      );
    }
    if (seal.fromCount !== this.windowStart || seal.previousHead !== this.windowHead) {
      return at(
        `seal #${seal.sequence} at position ${position} does not continue from seal #${this.sequence}`,
      );
    }
    const covered = seal.count - seal.fromCount;
    // The seal's own event is the last in the window; it cannot cover itself.
    const available = this.window.length - 1;
    for (let i = 0; i < covered; i++) {
      if (i >= available) {
        const missing = covered - available;
        return {
          position,
          index: sealIndex,
          reason: `${missing} event(s) sealed by seal #${seal.sequence} are missing before position ${position}`,
        };
      }
      if (this.window[i].digest !== seal.digests[i]) {
        return {
          position: this.window[i].position,
          index: this.windowStart + i,
          reason: `${this.diagnose(seal, i)} (checked against seal #${seal.sequence})`,
        };
      }
    }
    const headAfter = covered === 0 ? this.windowHead : this.window[covered - 1].head;
    if (headAfter !== seal.head) {
      return at(
        `the chain head of seal #${seal.sequence} at position ${position} does not match the events it covers`,
      );
    }
    this.seals += 1;
    this.sequence = seal.sequence;
    this.windowStart = seal.count;
    this.windowHead = seal.head;
    const lastCovered = covered === 0 ? undefined : this.window[covered - 1];
    this.window.splice(0, covered);
    this.pendingRecords = this.window.reduce((n, e) => (e.isSeal ? n : n + 1), 0);
    this.lastGood = {
      sequence: seal.sequence,
      count: seal.count,
      head: seal.head,
      position,
      sealedAt: seal.sealedAt,
      lastEventId: seal.lastEventId,
      lastPosition: lastCovered ? lastCovered.position : seal.lastPosition,
    };
    return undefined;
  }

  /** What most likely happened at the first event whose digest differs from the seal's list. */
  private diagnose(seal: Seal, i: number): string {
    const here = this.window[i];
    const expected = seal.digests[i];
    const foundLater = this.window.findIndex((e, k) => k > i && e.digest === expected);
    const sealedLater = seal.digests.indexOf(here.digest, i + 1);
    if (foundLater > i && sealedLater > i) {
      return `events were reordered: position ${here.position} holds an event sealed later, the one sealed here is now at position ${this.window[foundLater].position}`;
    }
    if (foundLater === i + 1 && sealedLater < 0) {
      return `an event not in the seal was inserted at position ${here.position}`;
    }
    if (sealedLater > i && foundLater < 0) {
      return `${sealedLater - i} event(s) were removed before position ${here.position}`;
    }
    return `the content of the event at position ${here.position} no longer matches its seal (altered)`;
  }
}
