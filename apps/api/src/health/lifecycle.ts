import type { Server } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Whether this process is stopping, and the HTTP requests it still owes an answer. On SIGTERM the
 * server stops accepting connections, readiness turns 503, and requests in flight get a grace
 * period to finish before the remaining connections (event streams) are cut.
 */
@Injectable()
export class Lifecycle {
  private stopping = false;
  private inFlight = 0;
  private settled?: () => void;

  get draining(): boolean {
    return this.stopping;
  }

  /** Counts requests in flight; event streams never end on their own, so they are not waited for. */
  readonly track = (req: Request, res: Response, next: NextFunction): void => {
    // Keep-alive connections would carry new requests to a process that is leaving.
    if (this.stopping) res.setHeader('Connection', 'close');
    if ((req.headers.accept ?? '').includes('text/event-stream')) return next();
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.settled?.();
    });
    next();
  };

  /**
   * Stops accepting connections and waits (at most `graceMs`) for requests in flight; then closes
   * whatever connections are left. Returns how many requests were still unfinished when time ran out.
   */
  async drain(server: Server | undefined, graceMs: number): Promise<number> {
    this.stopping = true;
    if (!server) return 0;
    // Closes idle keep-alive connections too; busy ones close after their response.
    server.close();
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.settled = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const unfinished = this.inFlight;
    server.closeAllConnections();
    return unfinished;
  }
}
