import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { BATON_CONFIG, type BatonConfig } from '../config';

/** The API's Temporal client. Lazy, so the API starts (and reports itself unhealthy) while Temporal is down. */
@Injectable()
export class TemporalService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(BATON_CONFIG) config: BatonConfig) {
    this.connection = Connection.lazy({ address: config.temporalAddress });
    this.client = new Client({ connection: this.connection, namespace: config.temporalNamespace });
  }

  async ping(timeoutMs = 2000): Promise<void> {
    await this.connection.withDeadline(Date.now() + timeoutMs, () =>
      this.connection.workflowService.getSystemInfo({}),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
