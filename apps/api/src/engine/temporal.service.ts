import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { BATON_CONFIG, type BatonConfig } from '../config';

// A request that needs Temporal while it is away gets its 503 within a second instead of after the
// client's default ten attempts (about 20 s); the outbox dispatcher retries on its own schedule.
const CALL_ATTEMPTS = 4;
// Reconnect attempts at most two seconds apart: gRPC's default backoff grows towards two minutes
// during a long outage, and the API would go on failing for that long after Temporal is back.
const RECONNECT = { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 2000 };

/** The API's Temporal client. Lazy, so the API starts (and reports itself unhealthy) while Temporal is down. */
@Injectable()
export class TemporalService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(BATON_CONFIG) config: BatonConfig) {
    this.connection = Connection.lazy({
      address: config.temporalAddress,
      interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: CALL_ATTEMPTS }))],
      channelArgs: RECONNECT,
    });
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
