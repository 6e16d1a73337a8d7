import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { TargetTermsChange } from '@duty-ledger/domain';
import { CommandSender, type CommandResponse } from '../shared/command-sender';
import { deterministicUuid } from '../shared/deterministic-id';
import type { CommandRequest } from '../shared/request-context';
import { ApproveRevisionDto, RejectDto, ReviseTargetDto } from './revise-target.dto';

/**
 * Target revisions. A supervisor revises directly (or proposes, to ask a colleague); a lead can
 * only propose, and a supervisor other than the proposer decides (four eyes).
 */
@ApiTags('revisions')
@ApiBearerAuth()
@Controller('targets/:targetId/revisions')
export class RevisionsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  revise(
    @Param('targetId') targetId: string,
    @Body() body: ReviseTargetDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const changes: TargetTermsChange = {
      ...(body.value !== undefined ? { value: body.value } : {}),
      ...(body.comparator !== undefined ? { comparator: body.comparator } : {}),
      ...(body.unit !== undefined ? { unit: body.unit } : {}),
      ...(body.dueDate !== undefined ? { dueDate: body.dueDate } : {}),
    };
    let revisionId = '';
    return this.sender
      .send(req, reply, (metadata) => {
        revisionId = deterministicUuid(metadata.commandId, 'revision');
        const data = {
          targetId,
          revisionId,
          changes,
          reason: body.reason,
          ...(body.reference ? { reference: body.reference } : {}),
        };
        const direct = metadata.actor.role !== 'lead' && !body.proposeOnly;
        return direct
          ? { type: 'ReviseTarget', data, metadata }
          : { type: 'ProposeTargetRevision', data, metadata };
      })
      .then((response) => ({
        ...response,
        revisionId,
        // Under four eyes a supervisor's lowering, redefinition or later deadline waits for a
        // second supervisor: the answer says whether the change applied or waits as a proposal.
        outcome: response.events.some((e) => e.type === 'TargetRevised') ? 'applied' : 'proposed',
      }));
  }

  @Post(':revisionId/approve')
  @HttpCode(200)
  approve(
    @Param('targetId') targetId: string,
    @Param('revisionId') revisionId: string,
    @Body() body: ApproveRevisionDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(
      req,
      reply,
      (metadata) => ({
        type: 'ApproveTargetRevision',
        data: { targetId, revisionId, ...(body.reference ? { reference: body.reference } : {}) },
        metadata,
      }),
      { revisionId },
    );
  }

  @Post(':revisionId/reject')
  @HttpCode(200)
  reject(
    @Param('targetId') targetId: string,
    @Param('revisionId') revisionId: string,
    @Body() body: RejectDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(
      req,
      reply,
      (metadata) => ({
        type: 'RejectTargetRevision',
        data: { targetId, revisionId, reason: body.reason },
        metadata,
      }),
      { revisionId },
    );
  }
}
