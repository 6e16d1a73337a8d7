import { Body, Post } from '@nestjs/common';
import type { AssignmentScope } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { AssignmentScopeParam } from '../assignment-scope.param';
import { AssignUnitCommand } from './assign-unit.command';
import { AssignUnitDto } from './assign-unit.dto';

/** 交办: a supervisor assigns a unit to a whole task or to one target. */
@CommandController('assignments')
export class AssignUnitController extends SendsCommands {
  @Post(['tasks/:taskId/assignments', 'targets/:targetId/assignments'])
  assign(
    @AssignmentScopeParam() scope: AssignmentScope,
    @Body() body: AssignUnitDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    const data = { ...scope, unit: body.unit, reason: body.reason };
    const { metadata } = context;
    const command =
      body.role === 'lead'
        ? new AssignUnitCommand({ type: 'AssignLead', data, metadata }, context)
        : new AssignUnitCommand({ type: 'AssignSupportingUnit', data, metadata }, context);
    return this.send(command);
  }
}
