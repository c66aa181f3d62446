import { ApiError } from '../api/ApiError';

const WORDS: Record<string, string> = {
  INVALID_CREDENTIALS: 'Email or password is wrong',
  UNAUTHENTICATED: 'Your session has ended, please sign in again',
  TOKEN_EXPIRED: 'Your session has expired, please sign in again',
  FORBIDDEN: 'You are not allowed to do that',
  NOT_FOUND: 'That item no longer exists',
  CONFLICT: 'Someone else changed this first',
  INVALID_TRANSITION: 'The quote has moved on since you opened it; reload to see where it is',
  APPROVAL_NOT_PENDING: 'This request was already decided, withdrawn or timed out',
  NOT_AN_APPROVER: 'You are not one of the approvers of this request',
  SERVICE_UNAVAILABLE: 'Baton is temporarily unavailable',
  INTERNAL: 'Something went wrong on the server',
  NETWORK_ERROR: 'The Baton server could not be reached',
};

/** A sentence for people, followed by the stable code for support and tests: "Words (CODE)". */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const words = WORDS[error.code] ?? (error.message || 'Something went wrong');
    return `${words} (${error.code})`;
  }
  return 'Something went wrong in the app (CLIENT_ERROR)';
}
