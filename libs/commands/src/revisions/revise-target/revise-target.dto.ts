import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { ISO_DATE, Reason } from '../../shared/dto-rules';

export class ReviseTargetDto {
  @ApiPropertyOptional({ example: 80 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @ApiPropertyOptional({
    enum: ['gte', 'gt', 'lte', 'lt', 'eq'],
    description: 'gte: 以上/不少于/达到; gt: 超过; lte: 以下/以内; lt: 不满/低于',
  })
  @IsOptional()
  @IsIn(['gte', 'gt', 'lte', 'lt', 'eq'])
  comparator?: 'gte' | 'gt' | 'lte' | 'lt' | 'eq';

  @ApiPropertyOptional({ example: '个' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  unit?: string;

  @ApiPropertyOptional({ example: '2025-03-31', format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueDate must be a date as YYYY-MM-DD' })
  dueDate?: string;

  @Reason('受施工许可影响，目标调整')
  reason: string;

  @ApiPropertyOptional({
    example: '长府办〔2024〕12号',
    description: '文号 of the document authorising the change',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional({
    description:
      'A supervisor who wants a second supervisor to approve sets this; a lead always proposes',
  })
  @IsOptional()
  @IsBoolean()
  proposeOnly?: boolean;
}
