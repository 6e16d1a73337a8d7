import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { ServiceMetrics } from '../service-metrics';
import { MetricsController } from './metrics.controller';
import { OBSERVABILITY_CONFIG, type ObservabilityConfig } from './observability.config';
import { RequestActorInterceptor } from './request-actor.interceptor';

export interface ObservabilityModuleOptions extends ObservabilityConfig {
  readonly metrics: ServiceMetrics;
  /** The root logger, the same instance fastify logs requests with. */
  readonly logger: PinoLogger;
}

/**
 * Logs and metrics for the whole app: Nest's own log lines go through the same pino logger as
 * fastify's request lines (nestjs-pino, reusing each request's logger so its id is on every line),
 * the actor joins the request's logger after sign-in, and /metrics serves the registry.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static register(options: ObservabilityModuleOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger: options.logger }, useExisting: true })],
      controllers: [MetricsController],
      providers: [
        { provide: ServiceMetrics, useValue: options.metrics },
        { provide: OBSERVABILITY_CONFIG, useValue: { metricsToken: options.metricsToken } },
        { provide: APP_INTERCEPTOR, useClass: RequestActorInterceptor },
      ],
      exports: [ServiceMetrics],
    };
  }
}
