import type { AssignLead, AssignSupportingUnit } from '@duty-ledger/domain';
import { SentTaskCommand } from '../../shared/sent-task-command';

/** 交办: make a unit the lead (AssignLead) or a supporting unit (AssignSupportingUnit). */
export class AssignUnitCommand extends SentTaskCommand<AssignLead | AssignSupportingUnit> {}
