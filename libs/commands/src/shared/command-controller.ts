import { applyDecorators, Controller, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TaskCommand } from '@duty-ledger/domain';
import type { CommandAnswer } from './command-answer';
import type { SentTaskCommand } from './sent-task-command';

/** A controller of the write side: listed under `tag` in /docs, behind a bearer token. */
export const CommandController = (tag: string): ClassDecorator =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller());

/** What a command controller extends: it sends a command on the bus and returns the answer. */
@Injectable()
export abstract class SendsCommands {
  constructor(protected readonly commandBus: CommandBus) {}

  protected send(command: SentTaskCommand<TaskCommand>): Promise<CommandAnswer> {
    return this.commandBus.execute(command);
  }
}
