import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { ExtensionPath } from '../extension-path';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { itemRefOf, itemRoutes } from '../../shared/item-ref';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { RejectExtensionCommand } from './reject-extension.command';
import { RejectExtensionDto } from './reject-extension.dto';

/** A supervisor refuses an extension, saying why; the due date stays. */
@CommandController('extensions')
export class RejectExtensionController extends SendsCommands {
  @Post(itemRoutes('extensions/:extensionId/reject'))
  @HttpCode(200)
  async reject(
    @Param() { extensionId, ...params }: ExtensionPath,
    @Body() { reason }: RejectExtensionDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { extensionId: string }> {
    const data = { ...itemRefOf(params), extensionId, reason };
    return {
      ...(await this.send(new RejectExtensionCommand(data, context))),
      extensionId,
    };
  }
}
