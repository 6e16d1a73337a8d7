import { Body, Param, Post } from '@nestjs/common';
import type { TargetTermsChange } from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { deterministicUuid } from '../../shared/deterministic-id';
import { ReviseTargetCommand } from './revise-target.command';
import { ReviseTargetDto } from './revise-target.dto';

/**
 * Target revisions. A supervisor revises directly (or proposes, to ask a colleague); a lead can
 * only propose, and a supervisor other than the proposer decides (four eyes).
 */
@CommandController('revisions')
export class ReviseTargetController extends SendsCommands {
  @Post('targets/:targetId/revisions')
  async revise(
    @Param('targetId') targetId: string,
    @Body() body: ReviseTargetDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { revisionId: string; outcome: 'applied' | 'proposed' }> {
    const changes: TargetTermsChange = {
      ...(body.value !== undefined ? { value: body.value } : {}),
      ...(body.comparator !== undefined ? { comparator: body.comparator } : {}),
      ...(body.unit !== undefined ? { unit: body.unit } : {}),
      ...(body.dueDate !== undefined ? { dueDate: body.dueDate } : {}),
    };
    const { metadata } = context;
    const revisionId = deterministicUuid(metadata.commandId, 'revision');
    const data = {
      targetId,
      revisionId,
      changes,
      reason: body.reason,
      ...(body.reference ? { reference: body.reference } : {}),
    };
    const direct = metadata.actor.role !== 'lead' && !body.proposeOnly;
    const command = direct
      ? new ReviseTargetCommand({ type: 'ReviseTarget', data, metadata }, context)
      : new ReviseTargetCommand({ type: 'ProposeTargetRevision', data, metadata }, context);
    const answer = await this.send(command);
    // Under four eyes a supervisor's lowering, redefinition or later deadline waits for a second
    // supervisor: the answer says whether the change applied or waits as a proposal.
    const applied = answer.events.some((e) => e.type === 'TargetRevised');
    return { ...answer, revisionId, outcome: applied ? 'applied' : 'proposed' };
  }
}
