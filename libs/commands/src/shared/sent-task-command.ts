import { Command } from '@nestjs/cqrs';
import type { TaskCommand } from '@duty-ledger/domain';
import type { CommandAnswer } from './command-answer';
import type { CommandContext } from './command-context';

/**
 * A task command as a controller sends it on the bus: the domain's command and the context it
 * was sent in (If-Match, event metadata). The bus finds a handler by the class, so each use case
 * declares its own subclass (see sentTaskCommand).
 */
export abstract class SentTaskCommand<C extends TaskCommand> extends Command<CommandAnswer> {
  constructor(
    readonly command: C,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The bus class of a use case whose command type is fixed: built from the command's data and
 * the request's context, e.g. `class ReportMilestoneCommand extends
 * sentTaskCommand<ReportMilestone>('ReportMilestone') {}`.
 */
export function sentTaskCommand<C extends TaskCommand>(type: C['type']) {
  return class extends SentTaskCommand<C> {
    constructor(data: C['data'], context: CommandContext) {
      super({ type, data, metadata: context.metadata } as C, context);
    }
  };
}
