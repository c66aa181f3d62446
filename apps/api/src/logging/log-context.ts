import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line is about: the HTTP request, or the run and step activity, it was written for. */
export interface LogContext {
  requestId?: string;
  /** Baton's run id, which is also the run's Temporal workflow id. */
  runId?: string;
  temporalRunId?: string;
  activity?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` attached to every log line written while it (and what it awaits) runs. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
