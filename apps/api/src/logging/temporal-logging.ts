import { Logger as NestLogger } from '@nestjs/common';
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { withLogContext, type LogContext } from './log-context';

const RANK: Record<LogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

// The SDK names the Temporal run `runId`; in Baton's logs `runId` is Baton's run (= workflow id).
function contextOf(meta: LogMetadata | undefined): LogContext {
  if (!meta) return {};
  const context: LogContext = {};
  if (typeof meta.workflowId === 'string') context.runId = meta.workflowId;
  if (typeof meta.runId === 'string') context.temporalRunId = meta.runId;
  if (typeof meta.activityType === 'string') context.activity = meta.activityType;
  return context;
}

/** The Temporal SDK's log, written through Baton's logger with the run each line is about. */
export class TemporalLogger implements Logger {
  private readonly nest = new NestLogger('temporal');

  constructor(private readonly minimum: LogLevel) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (RANK[level] < RANK[this.minimum]) return;
    withLogContext(contextOf(meta), () => {
      if (level === 'ERROR') this.nest.error(message);
      else if (level === 'WARN') this.nest.warn(message);
      else if (level === 'INFO') this.nest.log(message);
      else this.nest.debug(message);
    });
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

/** Everything an activity logs (Baton's services included) carries the run and step it ran for. */
export const activityLogContext: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    execute: (input, next) =>
      withLogContext(
        {
          runId: ctx.info.workflowExecution?.workflowId,
          temporalRunId: ctx.info.workflowExecution?.runId,
          activity: ctx.info.activityType,
        },
        () => next(input),
      ),
  },
});
