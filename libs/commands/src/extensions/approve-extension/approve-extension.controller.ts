import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { ExtensionPath } from '../extension-path';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { itemRefOf, itemRoutes } from '../../shared/item-ref';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { ApproveExtensionCommand } from './approve-extension.command';
import { ApproveExtensionDto } from './approve-extension.dto';

/** A supervisor grants an extension, to the exact date it names. */
@CommandController('extensions')
export class ApproveExtensionController extends SendsCommands {
  @Post(itemRoutes('extensions/:extensionId/approve'))
  @HttpCode(200)
  async approve(
    @Param() { extensionId, ...params }: ExtensionPath,
    @Body() { newDueDate, reason }: ApproveExtensionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { extensionId: string }> {
    const data = { ...itemRefOf(params), extensionId, newDueDate, ...(reason ? { reason } : {}) };
    return {
      ...(await this.send(new ApproveExtensionCommand(data, context))),
      extensionId,
    };
  }
}
