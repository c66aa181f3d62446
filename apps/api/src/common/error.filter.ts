import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { BatonError, type ErrorCode } from '@baton/domain';
import { HTTP_STATUS, type ErrorBody } from './http-errors';
import { outageBody, unreachableDependency } from './outages';

// Nest's own exceptions (unknown route, wrong method) mapped to our codes.
function codeForHttpStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

/**
 * The one place a failure becomes an HTTP response: `{ code, message, details }`, never a stack trace.
 * PostgreSQL or Temporal out of reach is a 503 with Retry-After, so clients retry instead of
 * reporting a bug.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const dependency = exception instanceof BatonError ? undefined : unreachableDependency(exception);
    const { status, body } = dependency
      ? { status: 503, body: outageBody(dependency) }
      : this.toResponse(exception);
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if ((status === 429 || status === 503) && typeof retryAfter === 'number')
      response.setHeader('Retry-After', String(retryAfter));
    // During an outage every request fails the same way: one line each, not a stack trace each.
    if (dependency)
      this.logger.warn(`${dependency} unreachable: ${exception instanceof Error ? exception.message : ''}`);
    else if (status >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof BatonError) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return { status: HTTP_STATUS[exception.code], body };
    }
    if (exception instanceof OptimisticLockError) {
      return {
        status: 409,
        body: {
          code: 'CONFLICT',
          message: 'The record was changed by someone else; reload it and try again',
        },
      };
    }
    // Two requests creating the same key at once: both pass the service's existence check and
    // the database refuses the second; for the client that is the same conflict.
    if (exception instanceof UniqueConstraintViolationException) {
      return {
        status: 409,
        body: { code: 'CONFLICT', message: 'A record with the same unique value already exists' },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: { code: codeForHttpStatus(status), message: exception.message } };
    }
    return { status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side' } };
  }
}
