export interface SessionSettings {
  /** How long a session lasts after sign-in (SESSION_TTL, default 12 h). */
  readonly ttlMs: number;
  /** Mark cookies Secure even on plain http (behind a proxy that terminates TLS). */
  readonly secureCookies: boolean;
}

export const SESSION_SETTINGS = Symbol('SESSION_SETTINGS');
