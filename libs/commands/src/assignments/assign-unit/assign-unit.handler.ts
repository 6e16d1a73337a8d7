import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  requireKnownUnit,
  TASK_COMMAND_ROLES,
  taskCommandScope,
  taskDecider,
} from '@duty-ledger/domain';
import type { CommandAnswer } from '../../shared/command-answer';
import { CommandExecutor } from '../../shared/command-executor';
import { UnitRegistryService } from '../../units/unit-registry.service';
import { AssignUnitCommand } from './assign-unit.command';

@CommandHandler(AssignUnitCommand)
export class AssignUnitHandler implements ICommandHandler<AssignUnitCommand, CommandAnswer> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly units: UnitRegistryService,
  ) {}

  /** Check the unit against the registry, then load the task's stream, decide, append. */
  async execute({ command, context }: AssignUnitCommand): Promise<CommandAnswer> {
    // Who may assign is decided first (a lead gets 403 whatever it names), then whether the unit is known.
    if (TASK_COMMAND_ROLES[command.type].includes(command.metadata.actor.role))
      requireKnownUnit(await this.units.current(), command.data.unit);
    return this.executor.execute(taskCommandScope(command).streamId, taskDecider, command, context);
  }
}
