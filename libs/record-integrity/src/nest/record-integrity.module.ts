import {
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { checkpointPath } from '../checkpoint';
import { RecordKeeper } from '../record-keeper';
import { loadOrCreateSealKey, readPublicKey } from '../seal-key';
import { ProofController } from './proof.controller';
import type { RecordIntegrityConfig } from './record-integrity.config';

const CONFIG = Symbol('RECORD_INTEGRITY_CONFIG');

/** Starts the keeper once the app is up; stops it before the store closes. */
@Injectable()
class RecordKeeperLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly keeper: RecordKeeper) {}

  onApplicationBootstrap(): void {
    this.keeper.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.keeper.stop();
  }
}

function createKeeper(
  config: RecordIntegrityConfig,
  store: EventStore,
  clock: Clock,
): RecordKeeper {
  const logger = new Logger('Record');
  const key = loadOrCreateSealKey(config.keyFile);
  logger.log(
    `${key.generated ? 'Generated the installation key' : 'Installation key'} ${key.publicKey.keyId} ` +
      `(${config.keyFile}); public key: npm run cli -- record-key`,
  );
  return new RecordKeeper({
    store,
    key,
    trusted: [key.publicKey, ...config.trustedKeyFiles.map(readPublicKey)],
    now: () => clock.now(),
    sealEvery: config.sealEvery,
    sealIntervalMs: config.sealIntervalMs,
    verifyIntervalMs: config.verifyIntervalMs,
    verifyOnStart: config.verifyOnStart,
    checkpointFile: checkpointPath(config.dataDir),
    sealing: config.sealing,
    enabled: config.enabled,
    logger,
  });
}

/**
 * Seals the log and keeps checking it. Needs EVENT_STORE and CLOCK from the application; exports
 * the RecordKeeper (its status belongs in /health).
 */
@Module({})
export class RecordIntegrityModule {
  static register(config: RecordIntegrityConfig): DynamicModule {
    return {
      module: RecordIntegrityModule,
      controllers: [ProofController],
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: RecordKeeper,
          useFactory: createKeeper,
          inject: [CONFIG, EVENT_STORE, CLOCK],
        },
        RecordKeeperLifecycle,
      ],
      exports: [RecordKeeper],
    };
  }
}
