import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandSender, type CommandResponse } from '../shared/command-sender';
import { ITEM_ROUTES, itemRefOf } from '../shared/item-ref';
import type { CommandRequest } from '../shared/request-context';
import { ClaimCompletionDto, ReasonDto, VerifyCompletionDto } from './completion.dto';

/** 办结 → 审核 → 销号, 退办, and reopening a closed target. */
@ApiTags('completion')
@ApiBearerAuth()
@Controller(ITEM_ROUTES('completion'))
export class CompletionController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  claim(
    @Param() params: { targetId?: string; taskId?: string },
    @Body() body: ClaimCompletionDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(req, reply, (metadata) => ({
      type: 'ClaimCompletion',
      data: {
        ...itemRefOf(params),
        evidence: body.evidence,
        ...(body.note ? { note: body.note } : {}),
      },
      metadata,
    }));
  }

  @Post('verify')
  @HttpCode(200)
  verify(
    @Param() params: { targetId?: string; taskId?: string },
    @Body() body: VerifyCompletionDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(req, reply, (metadata) => ({
      type: 'VerifyCompletion',
      data: { ...itemRefOf(params), ...(body.note ? { note: body.note } : {}) },
      metadata,
    }));
  }

  @Post('send-back')
  @HttpCode(200)
  sendBack(
    @Param() params: { targetId?: string; taskId?: string },
    @Body() body: ReasonDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(req, reply, (metadata) => ({
      type: 'SendBackCompletion',
      data: { ...itemRefOf(params), reason: body.reason },
      metadata,
    }));
  }

  @Post('reopen')
  @HttpCode(200)
  reopen(
    @Param() params: { targetId?: string; taskId?: string },
    @Body() body: ReasonDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(req, reply, (metadata) => ({
      type: 'ReopenTarget',
      data: { ...itemRefOf(params), reason: body.reason },
      metadata,
    }));
  }
}
