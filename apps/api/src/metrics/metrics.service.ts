import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { Registry } from './exposition';
import { processMetrics } from './registry';
import { collectTemporalMetrics } from './temporal-metrics';

// Counting runs by status reads the whole table; scrapes every few seconds from several replicas
// must not turn that into a steady load.
const RUN_COUNTS_TTL_MS = 5_000;
// The SDK buffers metric updates until read; read them often enough that the buffer never fills.
const TEMPORAL_DRAIN_MS = 1_000;

/**
 * Renders /api/metrics: this process's HTTP and Temporal worker metrics, plus figures read from the
 * database that every replica reports alike (outbox lag and backlog, runs by status).
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('metrics');
  private readonly shared = new Registry();
  private readonly outboxPending = this.shared.gauge(
    'baton_outbox_pending_events',
    'Outbox events not yet handed to Temporal',
  );
  private readonly outboxLag = this.shared.gauge(
    'baton_outbox_lag_seconds',
    'Age of the oldest outbox event not yet handed to Temporal (0 when none is waiting)',
  );
  private readonly runs = this.shared.gauge('baton_workflow_runs', 'Workflow runs by status');
  private runsReadAt = 0;
  private drain?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    @Inject(BATON_CONFIG) config: BatonConfig,
  ) {
    processMetrics
      .gauge('baton_info', 'Always 1; the labels say what this process runs')
      .set({ role: config.role }, 1);
    processMetrics
      .gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch in seconds')
      .set({}, Math.round(Date.now() / 1000 - process.uptime()));
  }

  onModuleInit(): void {
    this.drain = setInterval(collectTemporalMetrics, TEMPORAL_DRAIN_MS);
    this.drain.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.drain);
  }

  async render(): Promise<string> {
    collectTemporalMetrics();
    processMetrics
      .gauge('process_resident_memory_bytes', 'Resident memory size in bytes')
      .set({}, process.memoryUsage.rss());
    const database = await this.readDatabase().then(
      () => true,
      (err: unknown) => {
        this.logger.warn(
          `metrics from the database unavailable: ${err instanceof Error ? err.message : String(err)}`,
        );
        return false;
      },
    );
    processMetrics
      .gauge('baton_database_up', 'Whether the figures read from PostgreSQL are current (1) or not (0)')
      .set({}, database ? 1 : 0);
    return processMetrics.render() + (database ? this.shared.render() : '');
  }

  private async readDatabase(): Promise<void> {
    const connection = this.orm.em.getConnection();
    // Served by the partial index on pending events: cheap however long the outbox's history.
    const [outbox] = await connection.execute<Array<{ pending: number; lag: number | null }>>(
      `select count(*)::int as pending,
              extract(epoch from now() - min(occurred_at))::float8 as lag
         from outbox_events where dispatched_at is null`,
    );
    this.outboxPending.set({}, outbox?.pending ?? 0);
    this.outboxLag.set({}, Math.max(0, outbox?.lag ?? 0));
    if (Date.now() - this.runsReadAt < RUN_COUNTS_TTL_MS) return;
    const counts = await connection.execute<Array<{ status: string; count: number }>>(
      'select status, count(*)::int as count from workflow_runs group by status',
    );
    // Every status is listed, so a status with no runs reads 0 rather than vanishing.
    const byStatus = new Map(counts.map((c) => [c.status, c.count]));
    this.runs.reset(
      ['running', 'completed', 'failed', 'cancelled'].map((status) => ({
        labels: { status },
        value: byStatus.get(status) ?? 0,
      })),
    );
    this.runsReadAt = Date.now();
  }
}
