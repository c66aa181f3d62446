import { describeError } from '../lib/describeError';

/** A quick-action form's error (in words, with its code) and its submit and cancel buttons. */
export function FormFooter({
  error,
  busy,
  submitLabel,
  busyLabel,
  onCancel,
  testId,
}: {
  error: unknown;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
  testId: string;
}) {
  return (
    <>
      {error !== null && (
        <p className="quick-actions__problem" role="alert" data-testid={`${testId}-error`}>
          {describeError(error)}
        </p>
      )}
      <div className="quick-actions__footer">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid={`${testId}-submit`}
        >
          {busy ? busyLabel : submitLabel}
        </button>
        <button type="button" className="button button--quiet" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
