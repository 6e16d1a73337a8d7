import { Reason } from '../../shared/dto-rules';

export class SendBackCompletionDto {
  @Reason('佐证材料不完整')
  reason: string;
}
