import { Body, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { ClaimCompletionCommand } from './claim-completion.command';
import { ClaimCompletionDto } from './claim-completion.dto';

/** 办结: a lead claims a target done and links the evidence; a supervisor then verifies it. */
@CommandController('completion')
export class ClaimCompletionController extends SendsCommands {
  @Post('targets/:targetId/completion')
  claim(
    @Param('targetId') targetId: string,
    @Body() { evidence, note }: ClaimCompletionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    const data = { targetId, evidence, ...(note ? { note } : {}) };
    return this.send(new ClaimCompletionCommand(data, context));
  }
}
