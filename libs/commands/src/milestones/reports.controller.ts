import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandSender, type CommandResponse } from '../shared/command-sender';
import type { CommandRequest } from '../shared/request-context';
import { CorrectReportDto } from './task-progress.dto';

/** A wrong figure is corrected, never edited: by the unit that filed it, or by a supervisor. */
@ApiTags('milestones')
@ApiBearerAuth()
@Controller('targets/:targetId/reports/:reportId/corrections')
export class ReportsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  correct(
    @Param('targetId') targetId: string,
    @Param('reportId') reportId: string,
    @Body() body: CorrectReportDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.sender.send(
      req,
      reply,
      (metadata) => ({
        type: 'CorrectReport',
        data: { targetId, reportId, value: body.value, reason: body.reason },
        metadata,
      }),
      { reportId },
    );
  }
}
