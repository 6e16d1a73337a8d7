import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { taskCommandScope, taskDeciderWith, type RevisionPolicy } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandExecutor } from '../../shared/command-executor';
import { REVISION_POLICY } from '../revision-policy.token';
import { ApproveRevisionCommand } from './approve-revision.command';

@CommandHandler(ApproveRevisionCommand)
export class ApproveRevisionHandler implements ICommandHandler<
  ApproveRevisionCommand,
  CommandAnswer
> {
  private readonly decider;

  constructor(
    private readonly executor: CommandExecutor,
    @Inject(REVISION_POLICY) policy: RevisionPolicy,
  ) {
    this.decider = taskDeciderWith(policy);
  }

  /** Load the task's stream, decide under the configured revision policy, append. */
  execute({ command, context }: ApproveRevisionCommand): Promise<CommandAnswer> {
    return this.executor.execute(
      taskCommandScope(command).streamId,
      this.decider,
      command,
      context,
    );
  }
}
