import { useState } from 'react';
import { reassignTask } from '../api/tasks';
import type { Task } from '../api/types';
import type { DirectoryUser } from '../api/users';
import { formatAgo } from '../lib/ago';
import { recordLabel } from '../lib/describeTask';
import { formatFullDate } from '../lib/due';
import { describeTaskError } from './TaskErrors';

interface TaskReassignRequestsProps {
  /** Open tasks with a pending request, of people reporting to the viewer. */
  tasks: Task[];
  /** Who a task can go to: the viewer's team and the viewer. */
  people: DirectoryUser[];
  now: Date;
  onReassigned: (task: Task, to: string) => void;
}

/** Reps' requests to hand a task on, each with the manager's answer: give it to someone. */
export function TaskReassignRequests({ tasks, people, now, onReassigned }: TaskReassignRequestsProps) {
  return (
    <div className="data-table__frame">
      <table className="data-table quote-table" data-testid="team-reassign">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Asked by</th>
            <th scope="col">Why</th>
            <th scope="col">Give it to</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <RequestRow key={task.id} task={task} people={people} now={now} onReassigned={onReassigned} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RequestRowProps {
  task: Task;
  people: DirectoryUser[];
  now: Date;
  onReassigned: (task: Task, to: string) => void;
}

function RequestRow({ task, people, now, onReassigned }: RequestRowProps) {
  const request = task.reassignRequest!;
  const choices = people.filter((u) => u.id !== task.assignee.id);
  const suggested = request.suggestedAssignee;
  const [to, setTo] = useState(() => choices.find((u) => u.id === suggested?.id)?.id ?? choices[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const asked = new Date(request.requestedAt);

  async function reassign() {
    setBusy(true);
    setError(null);
    try {
      const moved = await reassignTask(task.id, to);
      onReassigned(moved, choices.find((u) => u.id === to)?.name ?? 'them');
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <tr data-testid="team-reassign-row" data-task-id={task.id}>
      <td>
        <span className="quote-table__name">{task.title}</span>
        {task.record && <span className="quote-table__sub">{recordLabel(task.record)}</span>}
      </td>
      <td>
        {task.assignee.name}
        <time className="quote-table__sub" dateTime={request.requestedAt} title={formatFullDate(asked)}>
          {formatAgo(asked, now)}
        </time>
      </td>
      <td>
        {request.reason}
        {suggested && <span className="quote-table__sub">Suggests {suggested.name}</span>}
      </td>
      <td>
        <div className="team__reassign">
          <select
            className="field__input"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-label={`Give “${task.title}” to`}
            data-testid="team-reassign-to"
          >
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || to === ''}
            onClick={() => void reassign()}
            data-testid="team-reassign-submit"
          >
            {busy ? 'Reassigning…' : 'Reassign'}
          </button>
        </div>
        {error !== null && (
          <p className="team__reassign-error" role="alert" data-testid="team-reassign-error">
            {describeTaskError(error)}
          </p>
        )}
      </td>
    </tr>
  );
}
