import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@duty-ledger/auth';
import { ProjectionRunner, type RunnerStatus } from '@duty-ledger/projections';
import { RecordKeeper, type RecordStatus } from '@duty-ledger/record-integrity';

/**
 * Liveness and readiness. `live` answers 200 while the process serves HTTP at all (restart it
 * when this fails); `ready` and the plain `/health` answer 200 once the read models have caught up
 * with the log and 503 while they catch up (hold traffic back meanwhile), with the lag either way.
 * A broken seal makes the status 'degraded' (still 200: the service answers, but its record has
 * been touched; `record.failure` says where) and is logged as an error.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly keeper: RecordKeeper,
  ) {}

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers HTTP' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 once the read models caught up, else 503' })
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthAnswer> {
    return this.health(reply);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Same as /health/ready' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthAnswer> {
    const status = await this.runner.status();
    const record = this.keeper.status();
    const ready = status.running && status.caughtUp;
    void reply.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const label = !ready ? 'catching-up' : record.state === 'broken' ? 'degraded' : 'ok';
    return { status: label, ...status, record };
  }
}

type HealthAnswer = { status: string; record: RecordStatus } & RunnerStatus;
