import { describeError } from '../lib/describeError';
import './TasksState.css';

interface TasksErrorProps {
  error: unknown;
  onRetry: () => void;
}

export function TasksError({ error, onRetry }: TasksErrorProps) {
  return (
    <div className="tasks-state tasks-state--error" role="alert" data-testid="tasks-error">
      <p className="tasks-state__title">Your tasks could not be loaded</p>
      <p className="tasks-state__detail">{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
