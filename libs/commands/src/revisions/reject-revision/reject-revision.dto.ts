import { Reason } from '../../shared/dto-rules';

export class RejectRevisionDto {
  @Reason('理由不充分')
  reason: string;
}
