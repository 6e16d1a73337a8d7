import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { taskCommandScope, taskDecider } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandExecutor } from '../../shared/command-executor';
import { ReportMilestoneCommand } from './report-milestone.command';

@CommandHandler(ReportMilestoneCommand)
export class ReportMilestoneHandler implements ICommandHandler<
  ReportMilestoneCommand,
  CommandAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  /** Load the task's stream, decide with the task decider, append. */
  execute({ command, context }: ReportMilestoneCommand): Promise<CommandAnswer> {
    return this.executor.execute(taskCommandScope(command).streamId, taskDecider, command, context);
  }
}
