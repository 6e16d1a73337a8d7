import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CalendarDate } from '../../shared/dto-rules';

export class ApproveExtensionDto {
  @CalendarDate('2025-02-28')
  newDueDate: string;

  @ApiPropertyOptional({ example: '同意延期至2月底' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
