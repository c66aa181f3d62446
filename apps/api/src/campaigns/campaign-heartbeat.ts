import { AsyncLocalStorage } from 'node:async_hooks';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

const current = new AsyncLocalStorage<() => void>();

/**
 * Gives activity code a way to report progress to Temporal: a long activity that heartbeats is
 * known dead within its heartbeat timeout when its worker dies, instead of at its full timeout.
 */
export const activityHeartbeats: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    execute: (input, next) =>
      current.run(
        () => ctx.heartbeat(),
        () => next(input),
      ),
  },
});

/** Tells Temporal the running activity is alive; does nothing outside an activity. */
export function heartbeat(): void {
  current.getStore()?.();
}
