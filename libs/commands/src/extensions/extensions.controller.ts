import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandSender, type CommandResponse } from '../shared/command-sender';
import { deterministicUuid } from '../shared/deterministic-id';
import type { CommandRequest } from '../shared/request-context';
import { RejectDto } from '../revisions/revise-target.dto';
import { ApproveExtensionDto, RequestExtensionDto } from './extension.dto';

/** 延期申请: a lead asks before the due date; a supervisor grants an exact date or refuses. */
@ApiTags('extensions')
@ApiBearerAuth()
@Controller('targets/:targetId/extensions')
export class ExtensionsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  request(
    @Param('targetId') targetId: string,
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
            targetId,
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
    @Param('targetId') targetId: string,
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
          targetId,
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
    @Param('targetId') targetId: string,
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
        data: { targetId, extensionId, reason: body.reason },
        metadata,
      }),
      { extensionId },
    );
  }
}
