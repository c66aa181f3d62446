import { useState } from 'react';
import type { ReassignRequestInput } from '../api/tasks';
import type { Task } from '../api/types';
import type { DirectoryUser } from '../api/users';
import { originLabel, PRIORITY_LABELS, recordLabel } from '../lib/describeTask';
import { formatCountdown, formatDueDate, formatFullDate } from '../lib/due';
import { describeTaskError } from './TaskErrors';
import { TaskReassignForm } from './TaskReassignForm';
import { TaskSnoozePanel } from './TaskSnoozePanel';
import './TaskRow.css';

/** What a rep can do to one of their open tasks; each resolves once the list shows the outcome. */
export interface TaskRowActions {
  complete: (id: string) => Promise<void>;
  snooze: (id: string, until: Date) => Promise<void>;
  requestReassignment: (id: string, input: ReassignRequestInput) => Promise<void>;
}

interface TaskRowProps {
  task: Task;
  now: Date;
  overdue: boolean;
  currentUserId: string;
  colleagues: DirectoryUser[] | null;
  actions: TaskRowActions;
}

type Panel = 'snooze' | 'reassign' | null;

export function TaskRow({ task, now, overdue, currentUserId, colleagues, actions }: TaskRowProps) {
  const [completing, setCompleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const dueAt = new Date(task.dueAt);
  const titleId = `task-title-${task.id}`;
  const request = task.reassignRequest;

  async function handleComplete() {
    setCompleting(true);
    setError(null);
    try {
      await actions.complete(task.id);
    } catch (caught) {
      setError(caught);
      setCompleting(false);
    }
  }

  const toggle = (next: Exclude<Panel, null>) => setPanel((open) => (open === next ? null : next));

  return (
    <li
      className={`task-row${overdue ? ' task-row--overdue' : ''}`}
      data-testid="task-row"
      data-task-id={task.id}
      data-reassign-requested={request !== null}
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
          {request && (
            <span
              className="task-row__requested"
              title={`Asked ${formatFullDate(new Date(request.requestedAt))}: ${request.reason}`}
              data-testid="task-reassign-requested"
            >
              Reassignment requested
              {request.suggestedAssignee && ` · suggested ${request.suggestedAssignee.name}`}
            </span>
          )}
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
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={panel === 'snooze'}
          aria-describedby={titleId}
          onClick={() => toggle('snooze')}
          data-testid="task-snooze"
        >
          Snooze
        </button>
        {!request && (
          <button
            type="button"
            className="button button--quiet"
            aria-expanded={panel === 'reassign'}
            aria-describedby={titleId}
            onClick={() => toggle('reassign')}
            data-testid="task-reassign-request"
          >
            Request reassignment
          </button>
        )}
      </div>

      {panel === 'snooze' && (
        <TaskSnoozePanel
          titleId={titleId}
          onSnooze={(until) => actions.snooze(task.id, until)}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === 'reassign' && !request && (
        <TaskReassignForm
          titleId={titleId}
          colleagues={colleagues}
          onSubmit={async (input) => {
            await actions.requestReassignment(task.id, input);
            setPanel(null);
          }}
          onCancel={() => setPanel(null)}
        />
      )}

      {error !== null && (
        <p className="task-row__error" role="alert">
          Could not complete: {describeTaskError(error)}
        </p>
      )}
    </li>
  );
}
