import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { SignIn } from '../sessions/sign-in';
import { SignInThrottle } from '../sessions/sign-in-throttle';
import { AUTH_STORE, type AuthStore } from '../store/auth-store';
import { openAuthStore, type AuthStoreOptions } from '../store/open-auth-store';
import { SessionController } from './session.controller';
import { SESSION_SETTINGS, type SessionSettings } from './session-settings';

class AuthStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(AUTH_STORE) private readonly store: AuthStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Sign-in with sessions: the credential and session store, the sign-in service and its routes. */
@Global()
@Module({})
export class AuthModule {
  static register(options: AuthStoreOptions & SessionSettings): DynamicModule {
    return {
      module: AuthModule,
      controllers: [SessionController],
      providers: [
        { provide: AUTH_STORE, useFactory: () => openAuthStore(options) },
        {
          provide: SESSION_SETTINGS,
          useValue: { ttlMs: options.ttlMs, secureCookies: options.secureCookies },
        },
        {
          provide: SignIn,
          inject: [EVENT_STORE, AUTH_STORE, CLOCK],
          useFactory: (store: EventStore, authStore: AuthStore, clock: Clock) =>
            new SignIn(store, authStore, clock, new SignInThrottle(), options.ttlMs),
        },
        AuthStoreCloser,
      ],
      exports: [AUTH_STORE, SignIn, SESSION_SETTINGS],
    };
  }
}
