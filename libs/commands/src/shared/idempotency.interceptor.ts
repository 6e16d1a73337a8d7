import {
  BadRequestException,
  Inject,
  Injectable,
  SetMetadata,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  EVENT_STORE,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
} from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { deterministicUuid } from './deterministic-id';
import { idempotencyKeyOf, type CommandRequest } from './request-context';

interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
  readonly [key: string]: unknown;
}

export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';

const WITHOUT_IDEMPOTENCY = 'idempotency:off';

/**
 * The route ignores Idempotency-Key: its body carries a secret (a password), and the key's stream
 * in the event log would hold a fast hash of it, open to guessing.
 */
export const WithoutIdempotencyKey = (): MethodDecorator & ClassDecorator =>
  SetMetadata(WITHOUT_IDEMPOTENCY, true);

/**
 * `Idempotency-Key: <key>` on a write makes a retry return the first response without appending
 * again. The first successful response is kept in the event store itself (one stream per caller
 * and key), so it survives restarts and is shared by every API replica. The key also fixes the
 * command id, hence the event ids: a retry racing the original is absorbed by the store's
 * idempotent append.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  /** Requests being answered, by idempotency stream: a repeat waits for the first one's answer. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & CommandRequest>();
    const key = idempotencyKeyOf(request);
    // Public routes (sign-in) have no caller to scope a key by.
    if (
      key === undefined ||
      request.principal === undefined ||
      this.reflector.getAllAndOverride<boolean>(WITHOUT_IDEMPOTENCY, [
        context.getHandler(),
        context.getClass(),
      ]) ||
      request.method === 'GET' ||
      request.method === 'HEAD'
    )
      return next.handle();
    return from(this.handle(request, http.getResponse<FastifyReply>(), key, next));
  }

  private async handle(
    request: FastifyRequest & CommandRequest,
    reply: FastifyReply,
    key: string,
    next: CallHandler,
  ): Promise<unknown> {
    if (key.length === 0 || key.length > 200)
      throw new BadRequestException({
        statusCode: 400,
        message: 'Idempotency-Key: must be 1 to 200 characters',
        errors: [{ field: 'Idempotency-Key', reason: 'must be 1 to 200 characters' }],
      });
    const scope = createHash('sha256')
      .update(`${request.principal.sub}\u0000${key}`)
      .digest('hex')
      .slice(0, 40);
    const streamId = `${IDEMPOTENCY_STREAM_PREFIX}${scope}`;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\u0000${JSON.stringify(request.body ?? null)}`)
      .digest('hex');

    // A repeat sent while the first is still running (a client retrying on its own timeout) would
    // otherwise decide again on the state the first one leaves: it waits, then answers as recorded.
    for (let first = this.inFlight.get(streamId); first; first = this.inFlight.get(streamId))
      await first.catch(() => undefined);
    const answer = this.answer(request, reply, next, { key, scope, streamId, fingerprint });
    this.inFlight.set(streamId, answer);
    try {
      return await answer;
    } finally {
      if (this.inFlight.get(streamId) === answer) this.inFlight.delete(streamId);
    }
  }

  private async answer(
    request: FastifyRequest & CommandRequest,
    reply: FastifyReply,
    next: CallHandler,
    record: { key: string; scope: string; streamId: string; fingerprint: string },
  ): Promise<unknown> {
    const { key, scope, streamId, fingerprint } = record;
    const earlier = await this.find(streamId);
    if (earlier) return this.replay(earlier, fingerprint, reply);

    request.commandId = deterministicUuid('idempotency', scope);
    const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    const status = reply.statusCode;
    try {
      await this.store.append(
        streamId,
        [
          {
            id: deterministicUuid('idempotency-record', scope),
            type: 'IdempotentResponseRecorded',
            schemaVersion: 1,
            data: { fingerprint, status, body: body as never, key },
            metadata: {
              recordedAt: this.clock.now().toISOString(),
              actorId: request.principal.sub,
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    } catch (error) {
      // Another replica answering the same key recorded it first; answer as that one did. (The
      // same record racing from two replicas has the same id: the store answers it idempotently.)
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const recorded = await this.find(streamId);
      if (recorded) return this.replay(recorded, fingerprint, reply);
    }
    return body;
  }

  private replay(earlier: StoredResponse, fingerprint: string, reply: FastifyReply): unknown {
    if (earlier.fingerprint !== fingerprint) {
      throw new UnprocessableEntityException(
        'Idempotency-Key was already used for a different request',
      );
    }
    // The status is the route's own, as it was the first time; the ETag comes from the answer.
    void reply.header('idempotent-replayed', 'true');
    return earlier.body;
  }

  private async find(streamId: string): Promise<StoredResponse | undefined> {
    try {
      for await (const event of this.store.readStream(streamId, { maxCount: 1 })) {
        return event.data as unknown as StoredResponse;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return undefined;
  }
}
