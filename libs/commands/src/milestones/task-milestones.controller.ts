import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandSender, type CommandResponse } from '../shared/command-sender';
import { deterministicUuid } from '../shared/deterministic-id';
import type { CommandRequest } from '../shared/request-context';
import { ReportTaskProgressDto } from './task-progress.dto';

/** 进展反馈 on a task without a quantified target: a note with evidence, maybe a percent. */
@ApiTags('milestones')
@ApiBearerAuth()
@Controller('tasks/:taskId/milestones')
export class TaskMilestonesController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  report(
    @Param('taskId') taskId: string,
    @Body() body: ReportTaskProgressDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    let reportId = '';
    return this.sender
      .send(req, reply, (metadata) => {
        reportId = deterministicUuid(metadata.commandId, 'milestone');
        return {
          type: 'ReportTaskProgress',
          data: {
            taskId,
            reportId,
            asOf: body.asOf,
            note: body.note,
            evidence: body.evidence ?? [],
            ...(body.percent !== undefined ? { percent: body.percent } : {}),
          },
          metadata,
        };
      })
      .then((response) => ({ ...response, reportId }));
  }
}
