export interface ObservabilityConfig {
  /** When set, GET /metrics needs `Authorization: Bearer <metricsToken>`. */
  readonly metricsToken?: string;
}

export const OBSERVABILITY_CONFIG = Symbol('OBSERVABILITY_CONFIG');
