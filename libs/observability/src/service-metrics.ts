import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the lag gauges ask for at each scrape; the projection runner answers it. */
export interface ProjectionLagSource {
  lag(): Promise<
    readonly { readonly name: string; readonly events: number; readonly seconds: number }[]
  >;
}

/** What the record gauges ask for at each scrape; the record keeper answers it. */
export interface RecordIntegritySource {
  status(): { readonly state: string; readonly unsealed: number };
}

/**
 * Every Prometheus metric the service exports, on a registry of its own (so two apps in one test
 * process never share counters). Names follow Prometheus conventions: base units, `_total` for
 * counters, one `duty_ledger_` prefix for what is ours.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'duty_ledger_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'duty_ledger_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'duty_ledger_commands_total',
    help: 'Commands (writes) by command and outcome: accepted, rejected (4xx) or failed (5xx)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'duty_ledger_event_store_append_duration_seconds',
    help: 'Time an append takes until it is durable, by outcome (ok, conflict, error)',
    labelNames: ['outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly groupCommitSize = new Histogram({
    name: 'duty_ledger_event_store_group_commit_size',
    help: 'Appends committed together in one transaction (embedded store)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });

  readonly readCache = new Counter({
    name: 'duty_ledger_read_cache_requests_total',
    help: 'Cacheable reads by result: hit (answered from memory) or miss',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Exports the read models' lag, asked of `source` at each scrape. */
  trackProjectionLag(source: ProjectionLagSource): void {
    // Both gauges are read from one status call per scrape; the second reuses the first's answer.
    let pending: ReturnType<ProjectionLagSource['lag']> | undefined;
    const lagOnce = () =>
      (pending ??= source.lag().finally(() => setImmediate(() => (pending = undefined))));
    new Gauge({
      name: 'duty_ledger_projection_lag_events',
      help: 'Events in the log a read model has not applied yet (capped at the runner lag limit)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const p of await lagOnce()) this.set({ projection: p.name }, p.events);
      },
    });
    new Gauge({
      name: 'duty_ledger_projection_lag_seconds',
      help: 'Age of the oldest event a read model has not applied yet (0 when caught up)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const p of await lagOnce()) this.set({ projection: p.name }, p.seconds);
      },
    });
  }

  /** Exports whether the record's seals hold, and how much of it no seal covers yet. */
  trackRecord(source: RecordIntegritySource): void {
    new Gauge({
      name: 'duty_ledger_record_broken',
      help: '1 when a seal over the log does not hold (an event was altered, removed, inserted or reordered), else 0',
      registers: [this.registry],
      collect() {
        this.set(source.status().state === 'broken' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'duty_ledger_record_unsealed_events',
      help: 'Events no seal covers yet',
      registers: [this.registry],
      collect() {
        this.set(source.status().unsealed);
      },
    });
  }
}
