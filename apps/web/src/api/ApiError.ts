export type ServerErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOKEN_EXPIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NO_ASSIGNEE_AVAILABLE'
  | 'DEFINITION_INVALID'
  | 'UNKNOWN_STEP_TYPE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL';

/** Codes raised in the browser when no usable error body came back. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export type ApiErrorCode = ServerErrorCode | ClientErrorCode | (string & {});

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

const SESSION_ENDED_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED']);

export function isSessionEnded(error: unknown): error is ApiError {
  return error instanceof ApiError && SESSION_ENDED_CODES.has(error.code);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
