import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { observeHttpRequest } from '../metrics/http-metrics';
import type { BatonLogger } from './baton-logger';
import { withLogContext } from './log-context';

// A caller's id is kept (a proxy's, a client's) when it is a plain token, so logs join up across hops.
const CALLER_ID = /^[\w.:@-]{1,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id`, or a new one), echoes it, and when the
 * response is sent records its latency and, in JSON logs, one line about it.
 */
export function requestIds(logger: BatonLogger) {
  // People reading text logs at a terminal do not want a line per request; log shippers do.
  const accessLevel = logger.isEnabled('log') && !logger.isEnabled('debug') ? 'log' : 'debug';
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = observeHttpRequest(req, res.statusCode, seconds);
      logger.record(accessLevel, 'http', `${req.method} ${route} ${res.statusCode}`, {
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e4) / 10,
      });
    });
    next();
  };
}

/**
 * Makes the request id part of every log line written while the request is handled. Mounted after
 * the body parsers: they resume the chain from stream events, outside any context set before them.
 */
export function bindRequestContext(_req: Request, res: Response, next: NextFunction): void {
  const requestId = res.locals.requestId as string | undefined;
  if (requestId === undefined) return next();
  withLogContext({ requestId }, next);
}
