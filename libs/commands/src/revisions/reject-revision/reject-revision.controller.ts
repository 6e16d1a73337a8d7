import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { RevisionPath } from '../revision-path';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { RejectRevisionCommand } from './reject-revision.command';
import { RejectRevisionDto } from './reject-revision.dto';

/** A supervisor other than the proposer rejects a proposed revision, saying why. */
@CommandController('revisions')
export class RejectRevisionController extends SendsCommands {
  @Post('targets/:targetId/revisions/:revisionId/reject')
  @HttpCode(200)
  async reject(
    @Param() { targetId, revisionId }: RevisionPath,
    @Body() { reason }: RejectRevisionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { revisionId: string }> {
    const command = new RejectRevisionCommand({ targetId, revisionId, reason }, context);
    return { ...(await this.send(command)), revisionId };
  }
}
