import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CalendarDate } from '../../shared/dto-rules';

/** A progress note on a task without a quantified target. */
export class ReportTaskProgressDto {
  @CalendarDate('2024-06-30')
  asOf: string;

  @ApiProperty({ example: '已召开数字化转型工作领导小组会议，部署年度重点任务' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note: string;

  @ApiPropertyOptional({ example: 50, description: 'How far along, 0–100, when the unit says' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  percent?: number;

  @ApiPropertyOptional({ type: [String], example: ['https://oa.example.gov.cn/files/456'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUrl(
    { require_tld: false },
    { each: true, message: 'each evidence entry must be a link (URL)' },
  )
  evidence?: string[];
}
