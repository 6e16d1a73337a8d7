import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { taskCommandScope, taskDecider } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandExecutor } from '../../shared/command-executor';
import { SendBackCompletionCommand } from './send-back-completion.command';

@CommandHandler(SendBackCompletionCommand)
export class SendBackCompletionHandler implements ICommandHandler<
  SendBackCompletionCommand,
  CommandAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  /** Load the task's stream, decide with the task decider, append. */
  execute({ command, context }: SendBackCompletionCommand): Promise<CommandAnswer> {
    return this.executor.execute(taskCommandScope(command).streamId, taskDecider, command, context);
  }
}
