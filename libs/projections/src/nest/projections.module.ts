import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type ModuleMetadata,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { READ_MODELS } from '../index';
import { ProjectionRunner } from '../runner/projection-runner';
import { openReadModelDb, readModelPath } from '../runner/read-model-db';
import { PROJECTIONS_CONFIG, READ_MODEL_DB, type ProjectionsConfig } from './projections.config';
import { ReadContext } from './read-context';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';
import { ObligationsController } from './obligations.controller';
import { TargetsController } from './targets.controller';
import { AuditController } from './audit.controller';
import { DashboardController } from './dashboard.controller';
import { LiveController } from './live.controller';
import { PlansReadController } from './plans-read.controller';
import { ApprovalsController } from './approvals.controller';
import { StatusRulesReadController } from './status-rules-read.controller';

/** Starts following the log once the app is up; stops before the store closes. */
@Injectable()
class ReadModelLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  onApplicationShutdown(): void {
    if (this.db.open) this.db.close();
  }
}

export interface ProjectionsModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: (string | symbol | (new (...args: never[]) => unknown))[];
  readonly useFactory: (...args: never[]) => ProjectionsConfig | Promise<ProjectionsConfig>;
}

/**
 * The read side over HTTP. Needs EVENT_STORE (@duty-ledger/event-store) and CLOCK
 * (@duty-ledger/clock) from the application, e.g. from global modules. Exports the
 * ProjectionRunner (status for health checks, waitForPosition, changes$) and READ_MODEL_DB.
 */
@Module({})
export class ProjectionsModule {
  static register(config: ProjectionsConfig): DynamicModule {
    return ProjectionsModule.registerAsync({ useFactory: () => config });
  }

  static registerAsync(options: ProjectionsModuleAsyncOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: PROJECTIONS_CONFIG,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        {
          provide: READ_MODEL_DB,
          useFactory: (config: ProjectionsConfig) =>
            openReadModelDb(config.databasePath ?? readModelPath(config.dataDir)),
          inject: [PROJECTIONS_CONFIG],
        },
        {
          provide: ProjectionRunner,
          useFactory: (
            store: EventStore,
            db: Database.Database,
            clock: Clock,
            config: ProjectionsConfig,
          ) =>
            new ProjectionRunner({
              store,
              db,
              clock,
              projections: READ_MODELS,
              batchSize: config.batchSize,
              logger: new Logger('Projections'),
            }),
          inject: [EVENT_STORE, READ_MODEL_DB, CLOCK, PROJECTIONS_CONFIG],
        },
        ReadContext,
        WaitForPositionInterceptor,
        ReadModelLifecycle,
      ],
      controllers: [
        ObligationsController,
        TargetsController,
        AuditController,
        DashboardController,
        LiveController,
        PlansReadController,
        ApprovalsController,
        StatusRulesReadController,
      ],
      exports: [ProjectionRunner, READ_MODEL_DB, PROJECTIONS_CONFIG],
    };
  }
}
