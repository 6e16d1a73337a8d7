import { HttpCode, Param, Post } from '@nestjs/common';
import type { AssignmentScope } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { AssignmentScopeParam } from '../assignment-scope.param';
import { AcknowledgeAssignmentCommand } from './acknowledge-assignment.command';

/** 签收: the assigned unit's lead accepts the assignment. */
@CommandController('assignments')
export class AcknowledgeAssignmentController extends SendsCommands {
  @Post([
    'tasks/:taskId/assignments/:unit/acknowledgement',
    'targets/:targetId/assignments/:unit/acknowledgement',
  ])
  @HttpCode(200)
  acknowledge(
    @AssignmentScopeParam() scope: AssignmentScope,
    @Param('unit') unit: string,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.send(new AcknowledgeAssignmentCommand({ ...scope, unit }, context));
  }
}
