import { Reason } from '../../shared/dto-rules';

export class RejectExtensionDto {
  @Reason('理由不充分')
  reason: string;
}
