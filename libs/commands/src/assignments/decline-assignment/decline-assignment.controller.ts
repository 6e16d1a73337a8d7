import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { AssignmentScope } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { AssignmentScopeParam } from '../assignment-scope.param';
import { DeclineAssignmentCommand } from './decline-assignment.command';
import { DeclineAssignmentDto } from './decline-assignment.dto';

/** 退回: the assigned unit's lead returns the assignment, saying why. */
@CommandController('assignments')
export class DeclineAssignmentController extends SendsCommands {
  @Post(['tasks/:taskId/assignments/:unit/decline', 'targets/:targetId/assignments/:unit/decline'])
  @HttpCode(200)
  decline(
    @AssignmentScopeParam() scope: AssignmentScope,
    @Param('unit') unit: string,
    @Body() body: DeclineAssignmentDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    const data = { ...scope, unit, reason: body.reason };
    return this.send(new DeclineAssignmentCommand(data, context));
  }
}
