import { Body, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { deterministicUuid } from '../../shared/deterministic-id';
import { RequestExtensionCommand } from './request-extension.command';
import { RequestExtensionDto } from './request-extension.dto';

/** 延期申请: a lead asks, before the due date, for a later one. */
@CommandController('extensions')
export class RequestExtensionController extends SendsCommands {
  @Post('targets/:targetId/extensions')
  async request(
    @Param('targetId') targetId: string,
    @Body() { requestedDueDate, reason }: RequestExtensionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { extensionId: string }> {
    const extensionId = deterministicUuid(context.metadata.commandId, 'extension');
    const data = { targetId, extensionId, requestedDueDate, reason };
    return {
      ...(await this.send(new RequestExtensionCommand(data, context))),
      extensionId,
    };
  }
}
