import { Body, Delete, Param } from '@nestjs/common';
import type { AssignmentScope } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { AssignmentScopeParam } from '../assignment-scope.param';
import { RemoveAssignmentCommand } from './remove-assignment.command';
import { RemoveAssignmentDto } from './remove-assignment.dto';

/** 撤销交办: without a role, the one role the unit holds at this scope (the domain decides). */
@CommandController('assignments')
export class RemoveAssignmentController extends SendsCommands {
  @Delete(['tasks/:taskId/assignments/:unit', 'targets/:targetId/assignments/:unit'])
  remove(
    @AssignmentScopeParam() scope: AssignmentScope,
    @Param('unit') unit: string,
    @Body() body: RemoveAssignmentDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    const role = body.role ? { role: body.role } : {};
    const data = { ...scope, unit, reason: body.reason, ...role };
    return this.send(new RemoveAssignmentCommand(data, context));
  }
}
