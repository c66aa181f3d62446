import { isGrpcServiceError } from '@temporalio/client';
import type { ErrorBody } from './http-errors';

export type Dependency = 'database' | 'temporal';

// How long a client should wait before trying again: about what a restart of either takes.
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

// gRPC status codes: the server cannot be reached (14 UNAVAILABLE), or did not answer in time
// (4 DEADLINE_EXCEEDED).
const GRPC_UNREACHABLE = new Set<number>([14, 4]);
// grpc-js when the channel never came up; the client wraps it in "Failed to connect to Temporal server".
const TEMPORAL_MESSAGES = /Failed to connect before the deadline|Failed to connect to Temporal server/;

// Nobody listening, or the connection dropped under a query.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// SQLSTATE class 08 (connection exception); the server shutting down, crashed or starting up
// (57P01–57P03); out of connection slots (53300).
const SQLSTATES = /^(08\d{3}|57P0[123]|53300)$/;
// pg and knex say it in words: a link cut mid-query, a transaction whose link was cut before its
// next query, a pool that could not open a connection.
const DATABASE_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|Transaction query already complete|Timeout acquiring a connection|is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;

function causes(err: unknown): Error[] {
  const chain: Error[] = [];
  let e: unknown = err;
  while (e instanceof Error && chain.length < 8) {
    chain.push(e);
    e = e.cause;
  }
  return chain;
}

/**
 * Which dependency an error says is out of reach — PostgreSQL or Temporal — looking through its
 * causes; undefined for every other error. Temporal is asked first: its gRPC errors mention the
 * same socket errors in their text, but carry a numeric status.
 */
export function unreachableDependency(err: unknown): Dependency | undefined {
  const chain = causes(err);
  for (const e of chain) {
    if (isGrpcServiceError(e) && GRPC_UNREACHABLE.has(e.code)) return 'temporal';
    if (TEMPORAL_MESSAGES.test(e.message)) return 'temporal';
  }
  for (const e of chain) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.test(code))) return 'database';
    if (e.name === 'KnexTimeoutError' || DATABASE_MESSAGES.test(e.message)) return 'database';
  }
  return undefined;
}

const WHAT: Record<Dependency, string> = {
  database: 'The database',
  temporal: 'The workflow engine (Temporal)',
};

/** The 503 a client gets while a dependency is away: retry, nothing is wrong with the request. */
export function outageBody(dependency: Dependency): ErrorBody {
  return {
    code: 'SERVICE_UNAVAILABLE',
    message: `${WHAT[dependency]} is not reachable right now; try again in a few seconds`,
    details: { dependency, retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS },
  };
}
