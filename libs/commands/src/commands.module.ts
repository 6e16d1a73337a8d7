import { Module, type DynamicModule } from '@nestjs/common';
import {
  DEFAULT_REVISION_POLICY,
  type RevisionPolicy,
  type UnitRegistry,
} from '@duty-ledger/domain';
import { AcknowledgeAssignmentController } from './assignments/acknowledge-assignment/acknowledge-assignment.controller';
import { AcknowledgeAssignmentHandler } from './assignments/acknowledge-assignment/acknowledge-assignment.handler';
import { AssignUnitController } from './assignments/assign-unit/assign-unit.controller';
import { AssignUnitHandler } from './assignments/assign-unit/assign-unit.handler';
import { DeclineAssignmentController } from './assignments/decline-assignment/decline-assignment.controller';
import { DeclineAssignmentHandler } from './assignments/decline-assignment/decline-assignment.handler';
import { RemoveAssignmentController } from './assignments/remove-assignment/remove-assignment.controller';
import { RemoveAssignmentHandler } from './assignments/remove-assignment/remove-assignment.handler';
import { ClaimCompletionController } from './completion/claim-completion/claim-completion.controller';
import { ClaimCompletionHandler } from './completion/claim-completion/claim-completion.handler';
import { ReopenTargetController } from './completion/reopen-target/reopen-target.controller';
import { ReopenTargetHandler } from './completion/reopen-target/reopen-target.handler';
import { SendBackCompletionController } from './completion/send-back-completion/send-back-completion.controller';
import { SendBackCompletionHandler } from './completion/send-back-completion/send-back-completion.handler';
import { VerifyCompletionController } from './completion/verify-completion/verify-completion.controller';
import { VerifyCompletionHandler } from './completion/verify-completion/verify-completion.handler';
import { ApproveExtensionController } from './extensions/approve-extension/approve-extension.controller';
import { ApproveExtensionHandler } from './extensions/approve-extension/approve-extension.handler';
import { RejectExtensionController } from './extensions/reject-extension/reject-extension.controller';
import { RejectExtensionHandler } from './extensions/reject-extension/reject-extension.handler';
import { RequestExtensionController } from './extensions/request-extension/request-extension.controller';
import { RequestExtensionHandler } from './extensions/request-extension/request-extension.handler';
import { ReportMilestoneController } from './milestones/report-milestone/report-milestone.controller';
import { ReportMilestoneHandler } from './milestones/report-milestone/report-milestone.handler';
import { CorrectReportController } from './milestones/correct-report/correct-report.controller';
import { CorrectReportHandler } from './milestones/correct-report/correct-report.handler';
import { ReportTaskProgressController } from './milestones/report-task-progress/report-task-progress.controller';
import { ReportTaskProgressHandler } from './milestones/report-task-progress/report-task-progress.handler';
import { REVISION_POLICY } from './revisions/revision-policy.token';
import { ImportPlanController } from './plans/import-plan/import-plan.controller';
import { ImportPlanHandler } from './plans/import-plan/import-plan.handler';
import { ReadPlanController } from './plans/read-plan/read-plan.controller';
import { UNIT_REGISTRY } from './plans/unit-registry.token';
import { ApproveRevisionController } from './revisions/approve-revision/approve-revision.controller';
import { ApproveRevisionHandler } from './revisions/approve-revision/approve-revision.handler';
import { RejectRevisionController } from './revisions/reject-revision/reject-revision.controller';
import { RejectRevisionHandler } from './revisions/reject-revision/reject-revision.handler';
import { ReviseTargetController } from './revisions/revise-target/revise-target.controller';
import { ReviseTargetHandler } from './revisions/revise-target/revise-target.handler';
import { CommandExecutor } from './shared/command-executor';
import { UsersController } from './users/users.controller';
import { WithdrawPlanHandler } from './plans/withdraw-plan.command';
import { UnitsController } from './units/units.controller';
import { UnitRegistryService } from './units/unit-registry.service';
import { StatusRulesController } from './status-rules/status-rules.controller';

/**
 * The write side over HTTP, one folder per use case: the controller turns the request into a
 * command and sends it on the bus; the handler loads the stream, decides, appends (through the
 * shared CommandExecutor). A new use case adds its controller and its handler here.
 */
@Module({})
export class CommandsModule {
  static register(options: {
    unitRegistry: UnitRegistry;
    revisionPolicy?: RevisionPolicy;
  }): DynamicModule {
    return {
      module: CommandsModule,
      controllers: [
        ImportPlanController,
        ReadPlanController,
        AssignUnitController,
        RemoveAssignmentController,
        AcknowledgeAssignmentController,
        DeclineAssignmentController,
        ReportMilestoneController,
        ReportTaskProgressController,
        CorrectReportController,
        ReviseTargetController,
        ApproveRevisionController,
        RejectRevisionController,
        RequestExtensionController,
        ApproveExtensionController,
        RejectExtensionController,
        ClaimCompletionController,
        VerifyCompletionController,
        SendBackCompletionController,
        ReopenTargetController,
        UsersController,
        UnitsController,
        StatusRulesController,
      ],
      providers: [
        CommandExecutor,
        ImportPlanHandler,
        WithdrawPlanHandler,
        UnitRegistryService,
        AssignUnitHandler,
        RemoveAssignmentHandler,
        AcknowledgeAssignmentHandler,
        DeclineAssignmentHandler,
        ReportMilestoneHandler,
        ReportTaskProgressHandler,
        CorrectReportHandler,
        ReviseTargetHandler,
        ApproveRevisionHandler,
        RejectRevisionHandler,
        RequestExtensionHandler,
        ApproveExtensionHandler,
        RejectExtensionHandler,
        ClaimCompletionHandler,
        VerifyCompletionHandler,
        SendBackCompletionHandler,
        ReopenTargetHandler,
        { provide: UNIT_REGISTRY, useValue: options.unitRegistry },
        {
          provide: REVISION_POLICY,
          useValue: options.revisionPolicy ?? DEFAULT_REVISION_POLICY,
        },
      ],
    };
  }
}
