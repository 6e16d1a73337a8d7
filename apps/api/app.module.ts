import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthGuard, AuthModule, JWT_SECRET } from '@duty-ledger/auth';
import { CLOCK, SystemClock, type Clock } from '@duty-ledger/clock';
import { EventStoreModule } from '@duty-ledger/event-store/nest';
import { ProblemFilter } from '@duty-ledger/http';
import {
  CommandAnswerInterceptor,
  CommandsModule,
  IdempotencyInterceptor,
} from '@duty-ledger/commands';
import { readUnitRegistry } from '@duty-ledger/plan-import';
import { ProjectionsModule } from '@duty-ledger/projections/nest';
import { ObservabilityModule } from '@duty-ledger/observability/nest';
import type { ServiceMetrics } from '@duty-ledger/observability';
import type { Logger as PinoLogger } from 'pino';
import { RecordIntegrityModule } from '@duty-ledger/record-integrity/nest';
import { DEFAULT_SESSION, defaultRecordConfig, type ApiConfig } from './config';
import { HealthController } from './health.controller';

/** Wiring only: which store, which clock, which secret; every capability lives in libs/. */
@Module({})
export class AppModule {
  static register(
    config: ApiConfig,
    clock: Clock = new SystemClock(),
    telemetry: { readonly metrics: ServiceMetrics; readonly logger: PinoLogger },
  ): DynamicModule {
    const { metrics } = telemetry;
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forRoot({
          connectionString: config.eventStoreConnectionString,
          ownedStreamPrefixes: config.eventStoreOwnedStreams,
          dataDir: config.dataDir,
          fsync: config.fsync,
          clock,
          observer: {
            appended: (seconds, outcome) => metrics.appendDuration.observe({ outcome }, seconds),
            groupCommitted: (size) => metrics.groupCommitSize.observe(size),
          },
        }),
        ObservabilityModule.register({ ...telemetry, metricsToken: config.metricsToken }),
        {
          module: ClockModule,
          global: true,
          providers: [{ provide: CLOCK, useValue: clock }],
          exports: [CLOCK],
        },
        AuthModule.register({
          dataDir: config.dataDir,
          eventStoreConnectionString: config.eventStoreConnectionString,
          ...(config.session ?? DEFAULT_SESSION),
        }),
        CommandsModule.register({
          unitRegistry: readUnitRegistry(config.seedsDir),
          revisionPolicy: config.revisionPolicy,
        }),
        ProjectionsModule.register({ dataDir: config.dataDir }),
        RecordIntegrityModule.register({
          dataDir: config.dataDir,
          ...defaultRecordConfig(config.dataDir),
          ...config.record,
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: JWT_SECRET, useValue: config.jwtSecret },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        // In this order: the answer's ETag is set around the idempotency replay, so both carry it.
        { provide: APP_INTERCEPTOR, useClass: CommandAnswerInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}

@Module({})
class ClockModule {}
