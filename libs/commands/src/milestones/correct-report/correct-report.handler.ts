import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { taskCommandScope, taskDecider } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandExecutor } from '../../shared/command-executor';
import { CorrectReportCommand } from './correct-report.command';

@CommandHandler(CorrectReportCommand)
export class CorrectReportHandler implements ICommandHandler<CorrectReportCommand, CommandAnswer> {
  constructor(private readonly executor: CommandExecutor) {}

  /** Load the task's stream, decide with the task decider, append. */
  execute({ command, context }: CorrectReportCommand): Promise<CommandAnswer> {
    return this.executor.execute(taskCommandScope(command).streamId, taskDecider, command, context);
  }
}
