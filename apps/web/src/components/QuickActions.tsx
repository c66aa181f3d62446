import { useId, useState } from 'react';
import { fetchActivityKinds, type ActivityKind, type RecordLink } from '../api/quickActions';
import type { User } from '../api/types';
import type { DirectoryUser } from '../api/users';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import { ActivityForm } from './ActivityForm';
import { NoteForm } from './NoteForm';
import { TaskForm } from './TaskForm';
import './RecordFields.css';
import './QuickActions.css';

type Open = { kind: 'activity'; activity: ActivityKind } | { kind: 'note' } | { kind: 'task' } | null;

interface QuickActionsProps {
  link: RecordLink;
  user: User;
  /** Active users, for sharing a note and assigning a task; null while loading. */
  users: DirectoryUser[] | null;
  /** Told after each entry is saved, so the timeline shows it at once. */
  onLogged: () => Promise<void> | void;
}

/** Log a call, meeting or email, add a note, or create a task, without leaving the record. */
export function QuickActions({ link, user, users, onLogged }: QuickActionsProps) {
  const kinds = useRemote('activity-kinds', fetchActivityKinds);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelId = useId();

  function toggle(next: Exclude<Open, null>, isOpen: boolean) {
    setDone(null);
    setOpen(isOpen ? null : next);
  }

  async function finished(message: string) {
    setOpen(null);
    setDone(message);
    await onLogged();
  }

  const cancel = () => setOpen(null);

  return (
    <section className="record-card quick-actions" aria-label="Quick actions" data-testid="quick-actions">
      <div className="quick-actions__buttons" role="group" aria-label="Add to the timeline">
        {(kinds.data ?? []).map((activity) => {
          const isOpen = open?.kind === 'activity' && open.activity.key === activity.key;
          return (
            <button
              key={activity.key}
              type="button"
              className="button quick-actions__button"
              aria-expanded={isOpen}
              aria-controls={isOpen ? panelId : undefined}
              onClick={() => toggle({ kind: 'activity', activity }, isOpen)}
              data-testid={`quick-action-${activity.key}`}
            >
              Log {activity.label.toLowerCase()}
            </button>
          );
        })}
        <button
          type="button"
          className="button quick-actions__button"
          aria-expanded={open?.kind === 'note'}
          aria-controls={open?.kind === 'note' ? panelId : undefined}
          onClick={() => toggle({ kind: 'note' }, open?.kind === 'note')}
          data-testid="quick-action-note"
        >
          Add note
        </button>
        <button
          type="button"
          className="button quick-actions__button"
          aria-expanded={open?.kind === 'task'}
          aria-controls={open?.kind === 'task' ? panelId : undefined}
          onClick={() => toggle({ kind: 'task' }, open?.kind === 'task')}
          data-testid="quick-action-task"
        >
          Create task
        </button>
      </div>
      {kinds.error !== null && (
        <p className="quick-actions__problem" role="alert">
          Activity kinds could not be loaded: {describeError(kinds.error)}
        </p>
      )}
      <p className="quick-actions__done" role="status" data-testid="quick-action-done">
        {done}
      </p>
      {open && (
        <div id={panelId} className="quick-actions__panel">
          {open.kind === 'activity' && (
            <ActivityForm
              key={open.activity.key}
              link={link}
              activity={open.activity}
              onDone={() => finished(`${open.activity.label} logged`)}
              onCancel={cancel}
            />
          )}
          {open.kind === 'note' && (
            <NoteForm
              link={link}
              user={user}
              users={users}
              onDone={() => finished('Note added')}
              onCancel={cancel}
            />
          )}
          {open.kind === 'task' && (
            <TaskForm
              link={link}
              user={user}
              users={users}
              onDone={() => finished('Task created')}
              onCancel={cancel}
            />
          )}
        </div>
      )}
    </section>
  );
}
