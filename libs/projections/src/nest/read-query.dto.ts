import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/** Parameters every read accepts. */
export class ReadQueryDto {
  @ApiPropertyOptional({
    description:
      'ISO-8601 instant, or a day (YYYY-MM-DD, up to its end in China time): answer exactly as recorded up to it (default: now)',
    example: '2024-07-01T00:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({
    description:
      'A log position (from a command answer): wait until the read models have applied it; 503 after the timeout',
  })
  @IsOptional()
  @Matches(/^\d{1,20}(\/\d{1,20})?$/, { message: 'waitFor must be a log position such as 1234' })
  waitFor?: string;
}
