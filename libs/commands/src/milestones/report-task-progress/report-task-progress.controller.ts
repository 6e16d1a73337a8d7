import { Body, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { deterministicUuid } from '../../shared/deterministic-id';
import { ReportTaskProgressCommand } from './report-task-progress.command';
import { ReportTaskProgressDto } from './report-task-progress.dto';

/** 进展反馈 on a task without a quantified target: a note with evidence, maybe a percent. */
@CommandController('milestones')
export class ReportTaskProgressController extends SendsCommands {
  @Post('tasks/:taskId/milestones')
  async report(
    @Param('taskId') taskId: string,
    @Body() { asOf, note, percent, evidence }: ReportTaskProgressDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { reportId: string }> {
    // Derived from the command id, so a retry with the same Idempotency-Key names the same report.
    const reportId = deterministicUuid(context.metadata.commandId, 'milestone');
    const data = {
      taskId,
      reportId,
      asOf,
      note,
      evidence: evidence ?? [],
      ...(percent !== undefined ? { percent } : {}),
    };
    return { ...(await this.send(new ReportTaskProgressCommand(data, context))), reportId };
  }
}
