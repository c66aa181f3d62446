import { useState } from 'react';
import type { Task } from '../api/types';
import { describeError } from '../lib/describeError';
import { originLabel, PRIORITY_LABELS, recordLabel } from '../lib/describeTask';
import { formatCountdown, formatDueDate, formatFullDate } from '../lib/due';
import './TaskRow.css';

interface TaskRowProps {
  task: Task;
  now: Date;
  overdue: boolean;
  currentUserId: string;
  onComplete: (id: string) => Promise<void>;
}

export function TaskRow({ task, now, overdue, currentUserId, onComplete }: TaskRowProps) {
  const [completing, setCompleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dueAt = new Date(task.dueAt);
  const titleId = `task-title-${task.id}`;

  async function handleComplete() {
    setCompleting(true);
    setError(null);
    try {
      await onComplete(task.id);
    } catch (caught) {
      setError(caught);
      setCompleting(false);
    }
  }

  return (
    <li
      className={`task-row${overdue ? ' task-row--overdue' : ''}`}
      data-testid="task-row"
      data-task-id={task.id}
    >
      <div className="task-row__main">
        <h3 className="task-row__title" id={titleId} data-testid="task-title">
          {task.title}
        </h3>
        {task.description && <p className="task-row__description">{task.description}</p>}
        <p className="task-row__meta">
          {task.record && (
            <span className="task-row__record" data-testid="task-record">
              {recordLabel(task.record)}
            </span>
          )}
          <span className="task-row__origin" data-testid="task-origin">
            {originLabel(task.origin, currentUserId)}
          </span>
        </p>
      </div>

      <div className="task-row__due" data-testid="task-due">
        <span className="task-row__countdown">{formatCountdown(dueAt, now)}</span>
        <time className="task-row__date" dateTime={task.dueAt} title={formatFullDate(dueAt)}>
          {formatDueDate(dueAt, now)}
        </time>
      </div>

      <span className={`priority priority--${task.priority}`} data-testid="task-priority">
        <span className="visually-hidden">Priority: </span>
        {PRIORITY_LABELS[task.priority]}
      </span>

      <div className="task-row__actions">
        <button
          type="button"
          className="button button--complete"
          onClick={() => void handleComplete()}
          disabled={completing}
          aria-describedby={titleId}
          data-testid="task-complete"
        >
          <span className="button__check" aria-hidden="true" />
          {completing ? 'Completing…' : 'Complete'}
        </button>
      </div>

      {error !== null && (
        <p className="task-row__error" role="alert">
          Could not complete: {describeError(error)}
        </p>
      )}
    </li>
  );
}
