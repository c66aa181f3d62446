import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { ENGINE_TASK_QUEUE, SLOW_TASK_QUEUE } from '@baton/contracts';
import { createEngineWorker, createSlowStepWorker } from '@baton/workflows';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { activityHeartbeats } from '../campaigns/campaign-heartbeat';
import { activityLogContext, TemporalLogger } from '../logging/temporal-logging';
import { temporalMetricsBuffer } from '../metrics/temporal-metrics';
import { EngineActivitiesService } from './engine-activities.service';

let runtimeInstalled = false;

// The SDK logs every bundling detail at INFO; Baton's own log says what matters.
function installRuntimeOnce(level: BatonConfig['logLevel']): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({
    logger: new TemporalLogger(level === 'debug' ? 'DEBUG' : 'WARN'),
    // Baton's own signal handler drains the worker in order; the SDK must not react to signals itself.
    shutdownSignals: [],
    // Read back in-process and served at /api/metrics, so no second port is needed.
    telemetryOptions: { metrics: { buffer: temporalMetricsBuffer } },
  });
}

export type WorkerState = 'starting' | 'running' | 'stopping' | 'stopped';

/**
 * Hosts the Temporal workers of this process: one runs interpreter workflows and CRM steps, the
 * other only slow steps (webhooks, email) from their own queue, so neither can starve the other.
 */
@Injectable()
export class EngineWorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger('worker');
  private workers: Worker[] = [];
  private running?: Promise<unknown>;
  private connection?: NativeConnection;
  private current?: WorkerState;

  constructor(
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
    private readonly activities: EngineActivitiesService,
  ) {}

  /** undefined when this process runs no worker (BATON_ROLE=api). */
  state(): WorkerState | undefined {
    // A worker that failed on its own (lost its connection for good) no longer polls.
    if (this.current === 'running' && this.workers.some((w) => w.getState() !== 'RUNNING')) return 'stopped';
    return this.current;
  }

  async start(): Promise<void> {
    this.current = 'starting';
    installRuntimeOnce(this.config.logLevel);
    this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    const common = {
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      activities: this.activities.activities(),
      shutdownGraceMs: this.config.shutdownGraceSeconds * 1000,
      interceptors: { activity: [activityLogContext, activityHeartbeats] },
    };
    this.workers = [
      await createEngineWorker({ ...common, maxConcurrentActivities: this.config.workerActivities }),
      await createSlowStepWorker({ ...common, maxConcurrentActivities: this.config.workerSlowActivities }),
    ];
    this.running = Promise.all(
      this.workers.map((worker) =>
        worker.run().catch((err: unknown) => {
          this.logger.error(`worker stopped: ${err instanceof Error ? err.message : String(err)}`);
        }),
      ),
    );
    this.current = 'running';
    this.logger.log(
      `polling task queue ${ENGINE_TASK_QUEUE} and ${SLOW_TASK_QUEUE} on ${this.config.temporalAddress} (namespace ${this.config.temporalNamespace})`,
    );
  }

  /**
   * Stops polling and waits for activities in flight (up to the grace period, after which they are
   * cancelled and retried by another worker). Safe to call more than once.
   */
  async drain(): Promise<void> {
    if (this.current === undefined || this.current === 'stopped') return;
    this.current = 'stopping';
    for (const worker of this.workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await this.running;
    await this.connection?.close().catch(() => undefined);
    this.current = 'stopped';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}
