import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createEngineWorker } from '@baton/workflows';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { EngineActivitiesService } from './engine-activities.service';

let runtimeInstalled = false;

// The SDK logs every bundling detail at INFO; Baton's own log says what matters.
function installRuntimeOnce(level: BatonConfig['logLevel']): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  // Baton's own signal handler drains the worker in order; the SDK must not react to signals itself.
  Runtime.install({ logger: new DefaultLogger(level === 'debug' ? 'DEBUG' : 'WARN'), shutdownSignals: [] });
}

/** Hosts the Temporal worker that runs interpreter workflows and step activities in this process. */
@Injectable()
export class EngineWorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger('worker');
  private worker?: Worker;
  private running?: Promise<void>;
  private connection?: NativeConnection;

  constructor(
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
    private readonly activities: EngineActivitiesService,
  ) {}

  async start(): Promise<void> {
    installRuntimeOnce(this.config.logLevel);
    this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    this.worker = await createEngineWorker({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      activities: this.activities.activities(),
    });
    this.running = this.worker.run().catch((err: unknown) => {
      this.logger.error(`worker stopped: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.logger.log(
      `polling task queue on ${this.config.temporalAddress} (namespace ${this.config.temporalNamespace})`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // Shutdown lets in-flight activities finish before the process exits.
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close().catch(() => undefined);
  }
}
