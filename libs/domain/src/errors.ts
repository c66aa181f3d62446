/**
 * Stable error codes. Clients, support staff and tests key on these strings, so a code, once
 * published, never changes meaning. Add new codes; do not rename old ones.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'NO_ASSIGNEE_AVAILABLE',
  'DEFINITION_INVALID',
  'RULE_INVALID',
  'UNKNOWN_STEP_TYPE',
  'TOO_MANY_ATTEMPTS',
  'APPROVAL_NOT_PENDING',
  'NOT_AN_APPROVER',
  'ALREADY_DECIDED',
  'NOT_THE_SUBMITTER',
  'APPROVER_NOT_FOUND',
  'EMAIL_NOT_CONFIGURED',
  'HTTP_REJECTED',
  'HTTP_TARGET_FORBIDDEN',
  'SERVICE_UNAVAILABLE',
  'WORKFLOW_NOT_CALLABLE',
  'RUN_NOT_RETRYABLE',
  'WEBHOOK_UNAUTHORIZED',
  'RECORD_NOT_FOUND',
  'RATE_LIMITED',
  'NAME_TAKEN',
  'SEGMENT_NOT_CONTACTS',
  'REASSIGN_ALREADY_REQUESTED',
  'TEMPLATE_FIELD_UNKNOWN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes caused by the caller's input or rights: retrying the same request cannot succeed. */
export const USER_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'NO_ASSIGNEE_AVAILABLE',
  'DEFINITION_INVALID',
  'RULE_INVALID',
  'UNKNOWN_STEP_TYPE',
  'TOO_MANY_ATTEMPTS',
  'APPROVAL_NOT_PENDING',
  'NOT_AN_APPROVER',
  'ALREADY_DECIDED',
  'NOT_THE_SUBMITTER',
  'APPROVER_NOT_FOUND',
  'WORKFLOW_NOT_CALLABLE',
  'RUN_NOT_RETRYABLE',
  'WEBHOOK_UNAUTHORIZED',
  'RECORD_NOT_FOUND',
  'RATE_LIMITED',
  'NAME_TAKEN',
  'SEGMENT_NOT_CONTACTS',
  'REASSIGN_ALREADY_REQUESTED',
  'TEMPLATE_FIELD_UNKNOWN',
  // Outbound steps: retrying cannot help until the host or the receiving end is fixed.
  'EMAIL_NOT_CONFIGURED',
  'HTTP_REJECTED',
  'HTTP_TARGET_FORBIDDEN',
]);

/**
 * A failure the domain understands. Thrown by services, which are called both from HTTP
 * controllers and from Temporal activities, so it knows nothing of HTTP: each edge maps it once.
 */
export class BatonError extends Error {
  override readonly name = 'BatonError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get isUserError(): boolean {
    return USER_ERROR_CODES.has(this.code);
  }
}

export function isBatonError(value: unknown): value is BatonError {
  return value instanceof BatonError;
}
