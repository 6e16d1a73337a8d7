import { Body, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { itemRefOf, itemRoutes, type ItemParams } from '../../shared/item-ref';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { ClaimCompletionCommand } from './claim-completion.command';
import { ClaimCompletionDto } from './claim-completion.dto';

/** 办结: a lead claims a target done and links the evidence; a supervisor then verifies it. */
@CommandController('completion')
export class ClaimCompletionController extends SendsCommands {
  @Post(itemRoutes('completion'))
  claim(
    @Param() params: ItemParams,
    @Body() { evidence, note }: ClaimCompletionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    const data = { ...itemRefOf(params), evidence, ...(note ? { note } : {}) };
    return this.send(new ClaimCompletionCommand(data, context));
  }
}
