import { describeError } from '../lib/describeError';
import '../pages/WorkflowsPage.css';

/** The empty, loading and failed states of a list or record, in the workflows page's look. */
export function LoadState({
  title,
  detail,
  error,
  onRetry,
  testId,
}: {
  title?: string;
  detail?: string;
  error?: unknown;
  onRetry?: () => void;
  testId?: string;
}) {
  const failed = error !== undefined && error !== null;
  return (
    <div
      className={`workflows-state${failed ? ' workflows-state--error' : ''}`}
      role={failed ? 'alert' : 'status'}
      data-testid={testId}
    >
      {title && <p className="workflows-state__title">{title}</p>}
      <p className="workflows-state__detail">{failed ? describeError(error) : detail}</p>
      {failed && onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
