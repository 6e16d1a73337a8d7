import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandSender, type CommandResponse } from '../shared/command-sender';
import { deterministicUuid } from '../shared/deterministic-id';
import { ITEM_ROUTES, itemRefOf } from '../shared/item-ref';
import type { CommandRequest } from '../shared/request-context';
import { RejectDto } from '../revisions/revise-target.dto';
import { ApproveExtensionDto, RequestExtensionDto } from './extension.dto';

/** 延期申请: a lead asks before the due date; a supervisor grants an exact date or refuses. */
@ApiTags('extensions')
@ApiBearerAuth()
@Controller(ITEM_ROUTES('extensions'))
export class ExtensionsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  request(
    @Param() params: { targetId?: string; taskId?: string },
    @Body() body: RequestExtensionDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    let extensionId = '';
    return this.sender
      .send(req, reply, (metadata) => {
        extensionId = deterministicUuid(metadata.commandId, 'extension');
        return {
          type: 'RequestDeadlineExtension',
          data: {
            ...itemRefOf(params),
            extensionId,
            requestedDueDate: body.requestedDueDate,
            reason: body.reason,
          },
          metadata,
        };
      })
      .then((response) => ({ ...response, extensionId }));
  }

  @Post(':extensionId/approve')
  @HttpCode(200)
  approve(
    @Param() params: { targetId?: string; taskId?: string },
    @Param('extensionId') extensionId: string,
    @Body() body: ApproveExtensionDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(
      req,
      reply,
      (metadata) => ({
        type: 'ApproveDeadlineExtension',
        data: {
          ...itemRefOf(params),
          extensionId,
          newDueDate: body.newDueDate,
          ...(body.reason ? { reason: body.reason } : {}),
        },
        metadata,
      }),
      { extensionId },
    );
  }

  @Post(':extensionId/reject')
  @HttpCode(200)
  reject(
    @Param() params: { targetId?: string; taskId?: string },
    @Param('extensionId') extensionId: string,
    @Body() body: RejectDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(
      req,
      reply,
      (metadata) => ({
        type: 'RejectDeadlineExtension',
        data: { ...itemRefOf(params), extensionId, reason: body.reason },
        metadata,
      }),
      { extensionId },
    );
  }
}
