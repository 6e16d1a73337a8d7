import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ReadQueryDto } from './read-query.dto';

export class UnitObligationsQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    description: 'Only obligations with this status light (a light of the configured rule set)',
    example: 'at-risk',
  })
  @IsOptional()
  @IsString()
  status?: string;
}

export class ObligationsFilterDto extends UnitObligationsQueryDto {
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
  dueBefore?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  planId?: string;
}

export class ObligationsQueryDto extends ObligationsFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
