import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { itemRefOf, itemRoutes, type ItemParams } from '../../shared/item-ref';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { ReopenTargetCommand } from './reopen-target.command';
import { ReopenTargetDto } from './reopen-target.dto';

/** A supervisor reopens a closed target, saying why; its lead owes it again. */
@CommandController('completion')
export class ReopenTargetController extends SendsCommands {
  @Post(itemRoutes('completion/reopen'))
  @HttpCode(200)
  reopen(
    @Param() params: ItemParams,
    @Body() { reason }: ReopenTargetDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer> {
    return this.send(new ReopenTargetCommand({ ...itemRefOf(params), reason }, context));
  }
}
