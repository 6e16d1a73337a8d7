import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { CalendarDate } from '../../shared/dto-rules';

export class ReportMilestoneDto {
  @ApiProperty({
    example: 62,
    description:
      "Read as the target's kind says: a running total, the year's count so far, or a level",
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @CalendarDate('2024-06-30')
  asOf: string;

  @ApiPropertyOptional({ example: '完成62个小区地下车库覆盖' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({ type: [String], example: ['https://oa.example.gov.cn/files/123'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUrl(
    { require_tld: false },
    { each: true, message: 'each evidence entry must be a link (URL)' },
  )
  evidence?: string[];
}
