import { Reason } from '../shared/dto-rules';

export class WithdrawPlanDto {
  @Reason('机构调整，方案整体撤销')
  reason: string;
}
