import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { BatonError } from '@baton/domain';
import { BATON_CONFIG, type BatonConfig } from '../config';

/** The channel the `notifications_announce` trigger (migration NotificationStream) notifies on. */
export const NOTIFICATION_CHANNEL = 'baton_notifications';

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

type OnChange = () => void;

/**
 * One dedicated PostgreSQL connection LISTENing for new notifications, whichever process wrote them
 * (the API, or a worker elsewhere), fanned out to callbacks per user. It connects on the first
 * subscriber, so worker-only processes never hold it, and reconnects by itself when the link drops.
 */
@Injectable()
export class NotificationListenerService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('notifications');
  private readonly subscribers = new Map<string, Set<OnChange>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(@Inject(BATON_CONFIG) private readonly config: BatonConfig) {}

  /** Calls `onChange` after each notification written for `userId`; the answer unsubscribes. */
  async subscribe(userId: string, onChange: OnChange): Promise<() => void> {
    if (this.stopped) throw new BatonError('SERVICE_UNAVAILABLE', 'Baton is stopping');
    let set = this.subscribers.get(userId);
    if (!set) this.subscribers.set(userId, (set = new Set()));
    set.add(onChange);
    const unsubscribe = () => {
      set.delete(onChange);
      if (set.size === 0 && this.subscribers.get(userId) === set) this.subscribers.delete(userId);
    };
    try {
      await this.listening();
    } catch (err) {
      unsubscribe();
      this.logger.warn(
        `cannot listen for notifications: ${err instanceof Error ? err.message : String(err)}`,
      );
      throw new BatonError('SERVICE_UNAVAILABLE', 'Live notifications are unavailable right now');
    }
    return unsubscribe;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.subscribers.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private listening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel === NOTIFICATION_CHANNEL && message.payload) this.announce(message.payload);
    });
    // Without a listener an 'error' event would crash the process; a dropped link is retried instead.
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    await client.connect();
    try {
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
  }

  private announce(userId: string): void {
    for (const onChange of this.subscribers.get(userId) ?? []) onChange();
  }

  private lost(client: Client, err?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`notification listener disconnected${err ? `: ${err.message}` : ''}; reconnecting`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.subscribers.size === 0) return;
    this.retryTimer = setTimeout(() => {
      this.listening().then(
        // Whatever was written while the link was down is news to everyone listening.
        () => {
          for (const userId of [...this.subscribers.keys()]) this.announce(userId);
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
          this.scheduleReconnect();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
