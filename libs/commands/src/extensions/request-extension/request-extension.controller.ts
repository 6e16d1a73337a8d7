import { Body, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { itemRefOf, itemRoutes, type ItemParams } from '../../shared/item-ref';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { deterministicUuid } from '../../shared/deterministic-id';
import { RequestExtensionCommand } from './request-extension.command';
import { RequestExtensionDto } from './request-extension.dto';

/** 延期申请: a lead asks, before the due date, for a later one. */
@CommandController('extensions')
export class RequestExtensionController extends SendsCommands {
  @Post(itemRoutes('extensions'))
  async request(
    @Param() params: ItemParams,
    @Body() { requestedDueDate, reason }: RequestExtensionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { extensionId: string }> {
    const extensionId = deterministicUuid(context.metadata.commandId, 'extension');
    const data = { ...itemRefOf(params), extensionId, requestedDueDate, reason };
    return {
      ...(await this.send(new RequestExtensionCommand(data, context))),
      extensionId,
    };
  }
}
