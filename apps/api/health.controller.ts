import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@duty-ledger/auth';
import { ProjectionRunner, type RunnerStatus } from '@duty-ledger/projections';
import { RecordKeeper, type RecordStatus } from '@duty-ledger/record-integrity';

/**
 * Liveness and readiness in one: 200 once the read models have caught up with the log, 503
 * while they are still catching up (so a load balancer holds traffic back), with the lag either way.
 * A broken seal makes the status 'degraded' (still 200: the service answers, but its record
 * has been touched; `record.failure` says where) and is logged as an error.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly keeper: RecordKeeper,
  ) {}

  @Public()
  @Get()
  async health(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; record: RecordStatus } & RunnerStatus> {
    const status = await this.runner.status();
    const record = this.keeper.status();
    const ready = status.running && status.caughtUp;
    void reply.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const label = !ready ? 'catching-up' : record.state === 'broken' ? 'degraded' : 'ok';
    return { status: label, ...status, record };
  }
}
