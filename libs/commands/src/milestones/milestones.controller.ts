import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandSender, type CommandResponse } from '../shared/command-sender';
import { deterministicUuid } from '../shared/deterministic-id';
import type { CommandRequest } from '../shared/request-context';
import { ReportMilestoneDto } from './report-milestone.dto';

/**
 * 进展反馈: a lead or supporting unit reports its own figure for a target. The answer names the
 * report (`reportId`, also as `milestoneId`), which a correction refers to.
 */
@ApiTags('milestones')
@ApiBearerAuth()
@Controller('targets/:targetId/milestones')
export class MilestonesController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  report(
    @Param('targetId') targetId: string,
    @Body() body: ReportMilestoneDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    let milestoneId = '';
    return this.sender
      .send(req, reply, (metadata) => {
        milestoneId = deterministicUuid(metadata.commandId, 'milestone');
        return {
          type: 'ReportMilestone',
          data: {
            targetId,
            milestoneId,
            value: body.value,
            asOf: body.asOf,
            ...(body.note ? { note: body.note } : {}),
            evidence: body.evidence ?? [],
          },
          metadata,
        };
      })
      .then((response) => ({ ...response, milestoneId, reportId: milestoneId }));
  }
}
