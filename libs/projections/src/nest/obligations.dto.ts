import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ReadQueryDto } from './read-query.dto';
import { PageQueryDto } from './page-query.dto';

export class StatusQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    description: 'Only obligations with this status light (a light of the configured rule set)',
    example: 'at-risk',
  })
  @IsOptional()
  @IsString()
  status?: string;
}

/** One unit's obligations, a page at a time. */
export class UnitObligationsQueryDto extends IntersectionType(StatusQueryDto, PageQueryDto) {}

/** Which obligations a listing or an export covers. */
export class ObligationsFilterDto extends StatusQueryDto {
  @ApiPropertyOptional({ description: 'The owing unit, as named in the plan', example: '区数据局' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unit?: string;

  @ApiPropertyOptional({
    description: 'Due strictly before this day (YYYY-MM-DD)',
    example: '2024-10-01',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueBefore must be a date YYYY-MM-DD' })
  // strict: a day that exists (2024-02-30 and 2024-13-45 match the pattern but name no day)
  @IsISO8601({ strict: true }, { message: 'dueBefore must be a calendar date YYYY-MM-DD' })
  dueBefore?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  planId?: string;
}

export class ObligationsQueryDto extends IntersectionType(ObligationsFilterDto, PageQueryDto) {}
