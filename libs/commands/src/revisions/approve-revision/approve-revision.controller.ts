import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { RevisionPath } from '../revision-path';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { ApproveRevisionCommand } from './approve-revision.command';
import { ApproveRevisionDto } from './approve-revision.dto';

/** A supervisor other than the proposer approves a proposed revision (four eyes). */
@CommandController('revisions')
export class ApproveRevisionController extends SendsCommands {
  @Post('targets/:targetId/revisions/:revisionId/approve')
  @HttpCode(200)
  async approve(
    @Param() { targetId, revisionId }: RevisionPath,
    @Body() { reference }: ApproveRevisionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { revisionId: string }> {
    const command = new ApproveRevisionCommand(
      { targetId, revisionId, ...(reference ? { reference } : {}) },
      context,
    );
    return { ...(await this.send(command)), revisionId };
  }
}
