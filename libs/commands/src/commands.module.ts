import { Module, type DynamicModule } from '@nestjs/common';
import type { UnitRegistry } from '@duty-ledger/domain';
import { AssignmentsController } from './assignments/assignments.controller';
import { CompletionController } from './completion/completion.controller';
import { ExtensionsController } from './extensions/extensions.controller';
import { MilestonesController } from './milestones/milestones.controller';
import { ImportPlanHandler } from './plans/import-plan.command';
import { WithdrawPlanHandler } from './plans/withdraw-plan.command';
import { PlansController } from './plans/plans.controller';
import { UNIT_REGISTRY } from './plans/unit-registry.token';
import { RevisionsController } from './revisions/revisions.controller';
import { UnitsController } from './units/units.controller';
import { StatusRulesController } from './status-rules/status-rules.controller';
import { UnitRegistryService } from './units/unit-registry.service';
import { CommandSender } from './shared/command-sender';
import { DispatchTaskCommandHandler } from './shared/dispatch-task-command';
import { UsersController } from './users/users.controller';

/** The write side over HTTP: controllers send commands on the bus; handlers load, decide, append. */
@Module({})
export class CommandsModule {
  static register(options: { unitRegistry: UnitRegistry }): DynamicModule {
    return {
      module: CommandsModule,
      controllers: [
        PlansController,
        AssignmentsController,
        MilestonesController,
        RevisionsController,
        ExtensionsController,
        CompletionController,
        UnitsController,
        StatusRulesController,
        UsersController,
      ],
      providers: [
        CommandSender,
        DispatchTaskCommandHandler,
        ImportPlanHandler,
        UnitRegistryService,
        WithdrawPlanHandler,
        { provide: UNIT_REGISTRY, useValue: options.unitRegistry },
      ],
    };
  }
}
