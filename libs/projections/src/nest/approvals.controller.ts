import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '@duty-ledger/auth';
import { CacheableRead } from '@duty-ledger/http';
import { pendingApprovals, type PendingApproval } from '../approvals/approvals.query';
import { APPROVAL_KINDS, type ApprovalKind } from '../approvals/pending-requests';
import type { AttentionPage } from '../attention/attention-page';
import { ReadContext } from './read-context';
import { ReadQueryDto } from './read-query.dto';
import { PageQueryDto } from './page-query.dto';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';

class ApprovalsFilterDto extends ReadQueryDto {
  @ApiPropertyOptional({ enum: APPROVAL_KINDS })
  @IsOptional()
  @IsIn(APPROVAL_KINDS)
  kind?: ApprovalKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  planId?: string;

  @ApiPropertyOptional({ description: 'The unit that asked (or declined)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unit?: string;
}

class ApprovalsQueryDto extends IntersectionType(ApprovalsFilterDto, PageQueryDto) {}

/** The approvals queue: what waits for a supervisor's decision. */
@ApiTags('approvals')
@Roles('supervisor', 'admin')
@Controller('approvals')
@UseInterceptors(WaitForPositionInterceptor)
export class ApprovalsController {
  constructor(private readonly read: ReadContext) {}

  @Get()
  @CacheableRead()
  @ApiOperation({
    summary: 'What waits for a decision, longest waiting first, a page at a time',
    description:
      'Revision proposals (with the proposed and current terms), extension requests (with the requested date), ' +
      'completion claims, and declined assignments waiting for a supervisor to reassign: who asked, when, why. ' +
      'Decide through /targets/:targetId/revisions/:id/approve|reject, …/extensions/:id/approve|reject, …/completion/verify|send-back, ' +
      'and DELETE/POST …/assignments for a decline.',
  })
  list(@Query() query: ApprovalsQueryDto): { asOf: string } & AttentionPage<PendingApproval> {
    const asOf = this.read.asOf(query.asOf);
    return {
      asOf,
      ...pendingApprovals(this.read.db, {
        asOf,
        kind: query.kind,
        planId: query.planId,
        unit: query.unit,
        limit: query.limit,
        offset: query.offset,
      }),
    };
  }
}
