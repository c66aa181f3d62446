import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { BatonError } from '@baton/domain';
import type { User } from '../users/user.entity';
import { Notification } from './notification.entity';
import { NotificationListenerService } from './notification-listener.service';

// Proxies and load balancers drop connections that stay silent for a minute or so.
const HEARTBEAT_MS = 20_000;
// A burst of notifications for one user (an escalation asks several) becomes one event.
const COALESCE_MS = 50;
// Enough for a handful of tabs; a client that leaks connections loses its oldest.
const MAX_STREAMS_PER_USER = 8;
const RETRY_HINT_MS = 3_000;

interface Stream {
  userId: string;
  res: Response;
  close: () => void;
}

/**
 * Server-Sent Events for the bell: `ready` on connect and `notifications` whenever one is written for
 * the user, each with `{ unreadCount }`; clients re-read the list when they need the items.
 */
@Injectable()
export class NotificationStreamService implements BeforeApplicationShutdown {
  private readonly streams = new Set<Stream>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly listener: NotificationListenerService,
  ) {}

  async open(req: Request, res: Response, user: User): Promise<void> {
    // Plain requests (a script, a test) get an answer instead of a connection that never ends.
    if (!(req.headers.accept ?? '').includes('text/event-stream')) {
      throw new BatonError(
        'VALIDATION_FAILED',
        'This endpoint streams events: send Accept: text/event-stream',
        {
          field: 'accept',
        },
      );
    }
    // res 'close' is the connection going away (req 'close' only means its body was read).
    let gone = false;
    const markGone = () => (gone = true);
    res.once('close', markGone);
    const unsubscribe = await this.listener.subscribe(user.id, () => this.changed(user.id));
    res.off('close', markGone);
    if (gone) return unsubscribe();

    const stream: Stream = {
      userId: user.id,
      res,
      close: () => {
        if (!this.streams.delete(stream)) return;
        unsubscribe();
        if (!res.writableEnded) res.end();
        if (this.streams.size === 0) this.stopHeartbeat();
      },
    };
    res.on('close', stream.close);
    res.on('error', stream.close);

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: ${RETRY_HINT_MS}\n\n`);

    this.limitStreams(user.id);
    this.streams.add(stream);
    this.startHeartbeat();
    this.send(stream, 'ready', await this.unreadCount(user.id).catch(() => -1));
  }

  beforeApplicationShutdown(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    // Open streams would keep the HTTP server from closing.
    for (const stream of [...this.streams]) stream.close();
    this.stopHeartbeat();
  }

  private changed(userId: string): void {
    if (this.pending.has(userId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(userId);
      void this.push(userId);
    }, COALESCE_MS);
    timer.unref();
    this.pending.set(userId, timer);
  }

  private async push(userId: string): Promise<void> {
    const targets = [...this.streams].filter((s) => s.userId === userId);
    if (targets.length === 0) return;
    // The database briefly away: clients still hear that something changed, and re-read.
    const unreadCount = await this.unreadCount(userId).catch(() => -1);
    for (const stream of targets) this.send(stream, 'notifications', unreadCount);
  }

  /** A negative count means unknown: the event then carries no count. */
  private send(stream: Stream, event: string, unreadCount: number): void {
    if (!this.streams.has(stream)) return;
    const data = JSON.stringify(unreadCount < 0 ? {} : { unreadCount });
    stream.res.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  private unreadCount(userId: string): Promise<number> {
    // Called outside any request (from the listener), so it works on its own fork.
    return this.em.fork().count(Notification, { userId, readAt: null });
  }

  private limitStreams(userId: string): void {
    const own = [...this.streams].filter((s) => s.userId === userId);
    for (const stream of own.slice(0, Math.max(0, own.length - MAX_STREAMS_PER_USER + 1))) stream.close();
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.res.write(': heartbeat\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
