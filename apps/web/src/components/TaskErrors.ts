import { ApiError } from '../api/ApiError';
import { describeError } from '../lib/describeError';

// The shared words for these codes speak of quotes; on a task row they would mislead.
const TASK_WORDS: Record<string, string> = {
  INVALID_TRANSITION: 'This task is already done',
  NOT_FOUND: 'This task no longer exists',
  REASSIGN_ALREADY_REQUESTED: 'You already asked for this task to be reassigned',
};

/** "Words (CODE)" for a failed task action. */
export function describeTaskError(error: unknown): string {
  if (error instanceof ApiError && TASK_WORDS[error.code]) return `${TASK_WORDS[error.code]} (${error.code})`;
  return describeError(error);
}
