import { useState, type FormEvent } from 'react';
import { createTask, type RecordLink } from '../api/quickActions';
import type { TaskPriority, User } from '../api/types';
import type { DirectoryUser } from '../api/users';
import { useSubmit } from '../hooks/useSubmit';
import { fromLocalDateTime, localDateTime, tomorrowMorning } from '../lib/localTime';
import { assignsAnyone } from '../lib/permissions';
import { FormFooter } from './FormFooter';

const PRIORITIES: ReadonlyArray<{ value: TaskPriority; label: string }> = [
  { value: 'low', label: 'Low' },
  { value: 'normal', label: 'Normal' },
  { value: 'high', label: 'High' },
];

interface TaskFormProps {
  link: RecordLink;
  user: User;
  users: DirectoryUser[] | null;
  onDone: () => Promise<void>;
  onCancel: () => void;
}

/** A task about this record; reps give tasks to themselves, managers and admins to anyone. */
export function TaskForm({ link, user, users, onDone, onCancel }: TaskFormProps) {
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => localDateTime(tomorrowMorning(new Date())));
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [assigneeId, setAssigneeId] = useState(user.id);
  const submit = useSubmit();
  const choosesAssignee = assignsAnyone(user);

  function save(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      await createTask(link, {
        title: title.trim(),
        dueAt: fromLocalDateTime(due),
        priority,
        assigneeId,
      });
      await onDone();
    });
  }

  return (
    <form className="quick-actions__form" onSubmit={save} data-testid="task-form">
      <label className="field">
        <span className="field__label">Task</span>
        <input
          className="field__input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={300}
          placeholder="What needs doing?"
          autoFocus
          data-testid="task-title"
        />
      </label>
      <div className="quick-actions__row">
        <label className="field">
          <span className="field__label">Due</span>
          <input
            className="field__input"
            type="datetime-local"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            required
            data-testid="task-due"
          />
        </label>
        <label className="field">
          <span className="field__label">Priority</span>
          <select
            className="field__input"
            value={priority}
            onChange={(e) => setPriority(e.target.value as TaskPriority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {choosesAssignee ? (
        <label className="field">
          <span className="field__label">Assignee</span>
          <select
            className="field__input"
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
            data-testid="task-assignee"
          >
            {(users ?? [{ id: user.id, name: user.name }]).map((u) => (
              <option key={u.id} value={u.id}>
                {u.id === user.id ? `${u.name} (you)` : u.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="quick-actions__hint" data-testid="task-assignee">
          Assigned to you — it will be on your My tasks page.
        </p>
      )}
      <FormFooter
        error={submit.error}
        busy={submit.busy}
        submitLabel="Create task"
        busyLabel="Creating…"
        onCancel={onCancel}
        testId="task"
      />
    </form>
  );
}
