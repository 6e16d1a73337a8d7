import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';

export class ClaimCompletionDto {
  @ApiProperty({
    type: [String],
    example: ['https://oa.example.gov.cn/files/acceptance-report.pdf'],
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'evidence must name at least one link' })
  @ArrayMaxSize(50)
  @IsUrl(
    { require_tld: false },
    { each: true, message: 'each evidence entry must be a link (URL)' },
  )
  evidence: string[];

  @ApiPropertyOptional({ example: '已全部完成并通过验收' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
