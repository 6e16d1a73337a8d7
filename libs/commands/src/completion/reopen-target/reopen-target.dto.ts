import { Reason } from '../../shared/dto-rules';

export class ReopenTargetDto {
  @Reason('复核发现未达标')
  reason: string;
}
