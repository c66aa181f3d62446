import type { ErrorCode } from '@baton/domain';

/** The HTTP status each domain error code maps to. Exhaustive: a new code must pick one here. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  // A status action (or an edit) the record's current status does not allow.
  INVALID_TRANSITION: 409,
  NO_ASSIGNEE_AVAILABLE: 422,
  DEFINITION_INVALID: 400,
  RULE_INVALID: 400,
  UNKNOWN_STEP_TYPE: 400,
  // Login throttling; the response carries Retry-After.
  TOO_MANY_ATTEMPTS: 429,
  // Approvals: the request was decided, recalled or timed out before this decision arrived.
  APPROVAL_NOT_PENDING: 409,
  NOT_AN_APPROVER: 403,
  ALREADY_DECIDED: 409,
  NOT_THE_SUBMITTER: 403,
  // A run could not find anyone to ask (e.g. the owner has no manager).
  APPROVER_NOT_FOUND: 422,
  // Outbound steps (email, webhooks): the host has no SMTP server, the receiver refused the call, or
  // the URL points inside the host's network.
  EMAIL_NOT_CONFIGURED: 503,
  HTTP_REJECTED: 502,
  HTTP_TARGET_FORBIDDEN: 400,
  SERVICE_UNAVAILABLE: 503,
  // A sub-workflow call names a workflow that is not published or cannot run on that record type.
  WORKFLOW_NOT_CALLABLE: 422,
  // Retry/resume asked of a run that did not fail, or failed where picking up alone would be wrong.
  RUN_NOT_RETRYABLE: 409,
  // Inbound webhooks: a wrong or missing secret, and a payload that names no record.
  WEBHOOK_UNAUTHORIZED: 401,
  RECORD_NOT_FOUND: 422,
  // Too many webhook deliveries, or runs of one workflow on one record; the response carries Retry-After when known.
  RATE_LIMITED: 429,
  // Segments: another live segment has the name; a contacts-only use was given a lead segment.
  NAME_TAKEN: 409,
  SEGMENT_NOT_CONTACTS: 422,
  // A task's assignee asked again while their earlier reassignment request is still pending.
  REASSIGN_ALREADY_REQUESTED: 409,
  // Campaigns: a merge field such as {{contact.fristName}} that no record has.
  TEMPLATE_FIELD_UNKNOWN: 400,
  INTERNAL: 500,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
