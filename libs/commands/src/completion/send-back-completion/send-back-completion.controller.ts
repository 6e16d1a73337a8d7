import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { itemRefOf, itemRoutes, type ItemParams } from '../../shared/item-ref';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { SendBackCompletionCommand } from './send-back-completion.command';
import { SendBackCompletionDto } from './send-back-completion.dto';

/** 退办: a supervisor sends a claimed completion back to the lead, saying why. */
@CommandController('completion')
export class SendBackCompletionController extends SendsCommands {
  @Post(itemRoutes('completion/send-back'))
  @HttpCode(200)
  sendBack(
    @Param() params: ItemParams,
    @Body() { reason }: SendBackCompletionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.send(new SendBackCompletionCommand({ ...itemRefOf(params), reason }, context));
  }
}
