import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../obligations/page';

/** `limit` and `offset` of every paged listing, with the same bounds everywhere. */
export class PageQueryDto {
  @ApiPropertyOptional({
    description: `Items per page (default ${DEFAULT_PAGE_LIMIT}, at most ${MAX_PAGE_LIMIT}); the answer's total says how many there are`,
    minimum: 1,
    maximum: MAX_PAGE_LIMIT,
    default: DEFAULT_PAGE_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    description: "Items to skip; pass the previous answer's nextOffset to get the next page",
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    default: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // 1e20 is an integer to JavaScript but not to SQLite, which would refuse to bind it.
  @Max(Number.MAX_SAFE_INTEGER)
  offset?: number;
}
