import {
  BadRequestException,
  createParamDecorator,
  Inject,
  Injectable,
  type ExecutionContext,
  type PipeTransform,
} from '@nestjs/common';
import type { Actor, CommandMetadata } from '@duty-ledger/domain';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import type { JsonObject } from '@duty-ledger/event-store';
import { newId } from './deterministic-id';
import { correlationIdOf, ifMatchRevisionOf, type CommandRequest } from './request-context';

/** Everything a command needs from its request besides its data. */
export interface CommandContext {
  /** Goes into the domain command: who, when, which command. */
  readonly metadata: CommandMetadata;
  /** Stamped on every event the command appends. */
  readonly eventMetadata: JsonObject;
  /** From If-Match: act only if the stream is still at this revision. */
  readonly expectedRevision?: number;
}

export function commandContextOf(request: CommandRequest, clock: Clock): CommandContext {
  const { principal } = request;
  const actor: Actor = {
    id: principal.sub,
    role: principal.role,
    ...(principal.unit !== undefined ? { unit: principal.unit } : {}),
    ...(principal.name !== undefined ? { name: principal.name } : {}),
  };
  const commandId = request.commandId ?? newId();
  const now = clock.now().toISOString();
  const ifMatch = ifMatchRevisionOf(request);
  if (ifMatch === 'invalid') {
    throw new BadRequestException({
      statusCode: 400,
      message: 'If-Match: must be a stream revision such as "3"',
      errors: [{ field: 'If-Match', reason: 'must be a stream revision such as "3"' }],
    });
  }
  return {
    ...actorContext(actor, now, commandId, correlationIdOf(request)),
    ...(ifMatch !== undefined ? { expectedRevision: ifMatch } : {}),
  };
}

/** The context of a command sent by `actor` at `now`, from HTTP or from a process (CLI, start-up). */
export function actorContext(
  actor: Actor,
  now: string,
  commandId: string = newId(),
  correlationId: string = commandId,
): CommandContext {
  return {
    metadata: { actor, now, commandId },
    eventMetadata: {
      actor: { ...actor },
      commandId,
      correlationId,
      causationId: commandId,
      occurredAt: now,
    },
  };
}

/** Turns the request into its command context; a pipe, so that the clock can be injected. */
@Injectable()
export class CommandContextPipe implements PipeTransform<CommandRequest, CommandContext> {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  transform(request: CommandRequest): CommandContext {
    return commandContextOf(request, this.clock);
  }
}

const RequestParam = createParamDecorator((_: unknown, context: ExecutionContext): CommandRequest =>
  context.switchToHttp().getRequest(),
);

/** A controller parameter holding the command context of the request: actor, time, command id, If-Match. */
export const CommandContextParam = (): ParameterDecorator => RequestParam(CommandContextPipe);
