import { Module, type DynamicModule } from '@nestjs/common';
import {
  DEFAULT_REVISION_POLICY,
  type RevisionPolicy,
  type UnitRegistry,
} from '@duty-ledger/domain';
import { AssignmentsController } from './assignments/assignments.controller';
import { CompletionController } from './completion/completion.controller';
import { ExtensionsController } from './extensions/extensions.controller';
import { MilestonesController } from './milestones/milestones.controller';
import { ImportPlanHandler } from './plans/import-plan.command';
import { PlansController } from './plans/plans.controller';
import { UNIT_REGISTRY } from './plans/unit-registry.token';
import { RevisionsController } from './revisions/revisions.controller';
import { CommandSender } from './shared/command-sender';
import { DispatchTaskCommandHandler, REVISION_POLICY } from './shared/dispatch-task-command';
import { ReportsController } from './milestones/reports.controller';
import { TaskMilestonesController } from './milestones/task-milestones.controller';
import { UsersController } from './users/users.controller';

/** The write side over HTTP: controllers send commands on the bus; handlers load, decide, append. */
@Module({})
export class CommandsModule {
  static register(options: {
    unitRegistry: UnitRegistry;
    revisionPolicy?: RevisionPolicy;
  }): DynamicModule {
    return {
      module: CommandsModule,
      controllers: [
        PlansController,
        AssignmentsController,
        MilestonesController,
        TaskMilestonesController,
        ReportsController,
        RevisionsController,
        ExtensionsController,
        CompletionController,
        UsersController,
      ],
      providers: [
        CommandSender,
        DispatchTaskCommandHandler,
        ImportPlanHandler,
        { provide: UNIT_REGISTRY, useValue: options.unitRegistry },
        {
          provide: REVISION_POLICY,
          useValue: options.revisionPolicy ?? DEFAULT_REVISION_POLICY,
        },
      ],
    };
  }
}
