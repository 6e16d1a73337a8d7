import { Body, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { CorrectReportCommand } from './correct-report.command';
import { CorrectReportDto } from './correct-report.dto';

/** A wrong figure is corrected, never edited: by the unit that filed it, or by a supervisor. */
@CommandController('milestones')
export class CorrectReportController extends SendsCommands {
  @Post('targets/:targetId/reports/:reportId/corrections')
  async correct(
    @Param('targetId') targetId: string,
    @Param('reportId') reportId: string,
    @Body() { value, reason }: CorrectReportDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { reportId: string }> {
    const data = { targetId, reportId, value, reason };
    return { ...(await this.send(new CorrectReportCommand(data, context))), reportId };
  }
}
