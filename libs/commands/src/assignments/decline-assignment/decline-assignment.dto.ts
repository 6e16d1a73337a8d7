import { Reason } from '../../shared/dto-rules';

export class DeclineAssignmentDto {
  @Reason('该事项不属于本单位职责')
  reason: string;
}
