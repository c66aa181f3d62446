import type { ArgumentsHost } from '@nestjs/common';
import { Logger, NotFoundException } from '@nestjs/common';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ServiceError } from '@temporalio/client';
import { BatonError } from '@baton/domain';
import { ErrorFilter } from './error.filter';
import { unreachableDependency } from './outages';

const withCode = (message: string, code: string | number, extra: object = {}) =>
  Object.assign(new Error(message), { code, ...extra });
const grpc = (code: number, details: string) =>
  withCode(`${code} ${details}`, code, { details, metadata: {} });

function answer(exception: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name.toLowerCase()] = value),
    status: (status: number) => ((sent.status = status), response),
    json: (body: unknown) => (sent.body = body),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return sent;
}

describe(unreachableDependency.name, () => {
  it.each([
    ['no PostgreSQL listening', withCode('connect ECONNREFUSED 127.0.0.1:5433', 'ECONNREFUSED')],
    ['the server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['the server starting up', withCode('the database system is starting up', '57P03')],
    ['a link cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a transaction whose link was cut', new Error('Transaction query already complete')],
    [
      'a pool that could not connect in time',
      Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' }),
    ],
    ['the same, wrapped by MikroORM', new DriverException(withCode('connect ECONNREFUSED', 'ECONNREFUSED'))],
  ])('says the database is out of reach for %s', (_, err) => {
    expect(unreachableDependency(err)).toBe('database');
  });

  it.each([
    [
      'an unreachable frontend',
      new ServiceError('Failed to start Workflow', { cause: grpc(14, 'No connection') }),
    ],
    ['a call past its deadline', grpc(4, 'Deadline exceeded')],
    ['a connection that never came up', new Error('Failed to connect before the deadline')],
  ])('says Temporal is out of reach for %s', (_, err) => {
    expect(unreachableDependency(err)).toBe('temporal');
  });

  it('blames Temporal, not the database, for a gRPC error that mentions ECONNREFUSED', () => {
    expect(unreachableDependency(grpc(14, 'connect ECONNREFUSED 127.0.0.1:7233'))).toBe('temporal');
  });

  it.each([
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', new UniqueConstraintViolationException(withCode('duplicate key', '23505'))],
    ['a Temporal refusal', grpc(6, 'Workflow execution already started')],
    ['a domain error', new BatonError('NOT_FOUND', 'No lead with this id')],
    ['no error at all', 'ECONNREFUSED'],
  ])('leaves %s alone', (_, err) => {
    expect(unreachableDependency(err)).toBeUndefined();
  });
});

describe(ErrorFilter.name, () => {
  // The filter logs what it maps; that is not this test's business.
  beforeAll(() => Logger.overrideLogger(false));

  it('answers an unreachable database with 503 SERVICE_UNAVAILABLE and Retry-After', () => {
    const sent = answer(withCode('connect ECONNREFUSED 127.0.0.1:5433', 'ECONNREFUSED'));
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('5');
    expect(sent.body).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringContaining('database') as string,
      details: { dependency: 'database', retryAfterSeconds: 5 },
    });
  });

  it('answers an unreachable Temporal with 503 naming Temporal', () => {
    const sent = answer(new ServiceError('Failed to start Workflow', { cause: grpc(14, 'No connection') }));
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('5');
    expect(sent.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'temporal' } });
  });

  it('still answers other failures as before', () => {
    expect(answer(new TypeError('bug'))).toMatchObject({
      status: 500,
      headers: {},
      body: { code: 'INTERNAL' },
    });
    expect(answer(new NotFoundException())).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(answer(new BatonError('SERVICE_UNAVAILABLE', 'Baton is stopping'))).toMatchObject({
      status: 503,
      headers: {},
      body: { code: 'SERVICE_UNAVAILABLE', message: 'Baton is stopping' },
    });
  });
});
