import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@duty-ledger/auth';
import { ProjectionRunner, type RunnerStatus } from '@duty-ledger/projections';

/**
 * Liveness and readiness in one: 200 once the read models have caught up with the log, 503
 * while they are still catching up (so a load balancer holds traffic back), with the lag either way.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Public()
  @Get()
  async health(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string } & RunnerStatus> {
    const status = await this.runner.status();
    const ready = status.running && status.caughtUp;
    void reply.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ok' : 'catching-up', ...status };
  }
}
