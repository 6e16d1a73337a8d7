import { CalendarDate, Reason } from '../../shared/dto-rules';

export class RequestExtensionDto {
  @CalendarDate('2025-03-31')
  requestedDueDate: string;

  @Reason('设备到货延迟')
  reason: string;
}
