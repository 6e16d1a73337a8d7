import { Body, Param, Post } from '@nestjs/common';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandController, SendsCommands } from '../../shared/command-controller';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { deterministicUuid } from '../../shared/deterministic-id';
import { ReportMilestoneCommand } from './report-milestone.command';
import { ReportMilestoneDto } from './report-milestone.dto';

/**
 * 进展反馈: a lead or supporting unit reports its own figure for a target. The answer names the
 * report (`reportId`, also as `milestoneId`), which a correction refers to.
 */
@CommandController('milestones')
export class ReportMilestoneController extends SendsCommands {
  @Post('targets/:targetId/milestones')
  async report(
    @Param('targetId') targetId: string,
    @Body() { value, asOf, note, evidence }: ReportMilestoneDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<CommandAnswer & { milestoneId: string; reportId: string }> {
    // Derived from the command id, so a retry with the same Idempotency-Key names the same report.
    const milestoneId = deterministicUuid(context.metadata.commandId, 'milestone');
    const command = new ReportMilestoneCommand(
      {
        targetId,
        milestoneId,
        value,
        asOf,
        ...(note ? { note } : {}),
        evidence: evidence ?? [],
      },
      context,
    );
    return { ...(await this.send(command)), milestoneId, reportId: milestoneId };
  }
}
