import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { TARGET_CHANGE_KINDS, type TargetChangeKind } from '../target-changes/change-kind';
import { ATTENTION_LISTS, type AttentionListName } from '../attention/attention-lists';
import { ReadQueryDto } from './read-query.dto';
import { PageQueryDto } from './page-query.dto';

export class TargetChangesQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    description: 'Changes that took effect at or after this instant or day (China time)',
    example: '2024-10-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description:
      'Changes that took effect up to this instant or to the end of this day (China time)',
    example: '2024-12-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    description: 'A unit owing the target, or the unit that proposed the change',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unit?: string;

  @ApiPropertyOptional({ enum: TARGET_CHANGE_KINDS })
  @IsOptional()
  @IsIn(TARGET_CHANGE_KINDS)
  kind?: TargetChangeKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  planId?: string;
}

/** The feed as JSON is paged like every listing. */
export class TargetChangesPageQueryDto extends IntersectionType(
  TargetChangesQueryDto,
  PageQueryDto,
) {}

/** `limit` and `offset` apply to each list answered; `list` picks one to page through. */
export class AttentionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Only this list (named as in the answer), to page through it; every list when absent',
    enum: ATTENTION_LISTS,
    example: 'unacknowledged',
  })
  @IsOptional()
  @IsIn(ATTENTION_LISTS)
  list?: AttentionListName;

  @ApiPropertyOptional({ description: 'Days an assignment may stay unanswered', default: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  unackDays?: number;

  @ApiPropertyOptional({ description: 'Days a target may go without a report', default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  noReportDays?: number;

  @ApiPropertyOptional({
    description: 'Days a proposal, extension request or completion claim may wait for a decision',
    default: 7,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  approvalDays?: number;

  @ApiPropertyOptional({
    description: 'MM-DD of the plan year from which lowering a target is late',
    default: '10-01',
  })
  @IsOptional()
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'lateFrom must be a day of the year MM-DD',
  })
  lateFrom?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  planId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unit?: string;

  @ApiPropertyOptional({
    description:
      'ISO-8601 instant or a day: the lists as they stood then, from what was recorded by then (default: now)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ description: 'A log position to wait for (see waitFor on every read)' })
  @IsOptional()
  @Matches(/^\d{1,20}(\/\d{1,20})?$/, { message: 'waitFor must be a log position such as 1234' })
  waitFor?: string;
}

export class DashboardQueryDto extends ReadQueryDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  planId: string;
}
