import { Controller, Get, Header, Headers, Inject, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '@duty-ledger/auth';
import { ServiceMetrics } from '../service-metrics';
import { OBSERVABILITY_CONFIG, type ObservabilityConfig } from './observability.config';

/**
 * Prometheus scrapes this. Public unless METRICS_TOKEN is set, in which case the scraper sends it
 * as a bearer token (metrics name routes and volumes, nothing about people or records).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ServiceMetrics,
    @Inject(OBSERVABILITY_CONFIG) private readonly config: ObservabilityConfig,
  ) {}

  @Public()
  @Get()
  @Header('cache-control', 'no-store')
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.config.metricsToken !== undefined && !this.tokenMatches(authorization)) {
      throw new UnauthorizedException('指标接口需要 METRICS_TOKEN(Authorization: Bearer …)');
    }
    return this.metrics.registry.metrics();
  }

  private tokenMatches(authorization: string | undefined): boolean {
    const expected = Buffer.from(`Bearer ${this.config.metricsToken}`);
    const given = Buffer.from(authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
