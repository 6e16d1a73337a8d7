import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { CommandMetadata, TaskCommand, TaskEvent } from '@duty-ledger/domain';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { commandContextOf } from './command-context';
import type { CommandResult } from './command-executor';
import { DispatchTaskCommand } from './dispatch-task-command';
import type { CommandRequest } from './request-context';

/** What every command endpoint answers. */
export interface CommandResponse {
  readonly streamId: string;
  /** The stream revision after the command; send it as If-Match to act only on this state. */
  readonly revision: number;
  /** The global position of the last event appended; pass it as ?waitFor= on reads. */
  readonly position: string;
  readonly events: readonly { readonly type: string }[];
  readonly [id: string]: unknown;
}

/** Shared by the controllers: build the command's context, send it on the bus, shape the answer. */
@Injectable()
export class CommandSender {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(
    request: CommandRequest,
    reply: FastifyReply,
    build: (metadata: CommandMetadata) => TaskCommand,
    extra: Record<string, unknown> = {},
  ): Promise<CommandResponse> {
    const context = commandContextOf(request, this.clock);
    const result = await this.commandBus.execute<DispatchTaskCommand, CommandResult<TaskEvent>>(
      new DispatchTaskCommand(build(context.command), context),
    );
    void reply.header('etag', `"${result.revision}"`);
    return {
      streamId: result.streamId,
      revision: result.revision,
      position: result.position,
      events: result.events.map((event) => ({ type: event.type })),
      ...extra,
    };
  }
}
