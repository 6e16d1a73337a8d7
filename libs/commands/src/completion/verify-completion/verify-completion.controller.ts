import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { itemRefOf, itemRoutes, type ItemParams } from '../../shared/item-ref';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { VerifyCompletionCommand } from './verify-completion.command';
import { VerifyCompletionDto } from './verify-completion.dto';

/** 销号: a supervisor verifies a claimed completion and closes the target. */
@CommandController('completion')
export class VerifyCompletionController extends SendsCommands {
  @Post(itemRoutes('completion/verify'))
  @HttpCode(200)
  verify(
    @Param() params: ItemParams,
    @Body() { note }: VerifyCompletionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    const data = { ...itemRefOf(params), ...(note ? { note } : {}) };
    return this.send(new VerifyCompletionCommand(data, context));
  }
}
