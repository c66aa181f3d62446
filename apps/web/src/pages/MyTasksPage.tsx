import { useEffect, useMemo, useState } from 'react';
import { MY_TASKS_LIMIT, requestTaskReassignment, snoozeTask, type ReassignRequestInput } from '../api/tasks';
import type { User } from '../api/types';
import { fetchUsers } from '../api/users';
import { TaskGroupSection } from '../components/TaskGroupSection';
import type { TaskRowActions } from '../components/TaskRow';
import { TasksEmpty } from '../components/TasksEmpty';
import { TasksError } from '../components/TasksError';
import { TasksLoading } from '../components/TasksLoading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useMyTasks } from '../hooks/useMyTasks';
import { useNow } from '../hooks/useNow';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import { formatDueDate, groupByDue } from '../lib/due';
import './MyTasksPage.css';

const POLL_MS = 5_000;
const CLOCK_MS = 10_000;
const NOTICE_MS = 4_000;

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});

export function MyTasksPage({ user }: { user: User }) {
  useDocumentTitle('My tasks');
  const { tasks, hasMore, error, loadedAt, complete, replace, reload } = useMyTasks(POLL_MS);
  const now = useNow(CLOCK_MS);
  // Whom a rep may suggest when asking for a task to be reassigned.
  const users = useRemote('users', fetchUsers);
  const colleagues = useMemo(
    () => users.data?.items.filter((u) => u.id !== user.id) ?? null,
    [users.data, user.id],
  );
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (notice === null) return;
    const timer = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const actions = useMemo<TaskRowActions>(
    () => ({
      complete: async (id: string) => {
        const task = await complete(id);
        setNotice(`Completed “${task.title}”`);
      },
      snooze: async (id: string, until: Date) => {
        const task = await snoozeTask(id, until.toISOString());
        replace(task);
        setNotice(`Snoozed “${task.title}” to ${formatDueDate(new Date(task.dueAt), new Date())}`);
      },
      requestReassignment: async (id: string, input: ReassignRequestInput) => {
        const task = await requestTaskReassignment(id, input);
        replace(task);
        setNotice(`Asked for “${task.title}” to be reassigned`);
      },
    }),
    [complete, replace],
  );

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">My tasks</h1>
          <p className="page__subtitle">
            {tasks === null ? 'Open tasks assigned to you' : summary(tasks.length, hasMore)}
            {loadedAt && <span className="page__updated"> · Updated {timeFormat.format(loadedAt)}</span>}
          </p>
        </div>
        <p className="page__notice" role="status" aria-live="polite">
          {notice}
        </p>
      </div>

      {tasks === null ? (
        error ? (
          <TasksError error={error} onRetry={reload} />
        ) : (
          <TasksLoading />
        )
      ) : (
        <section className="task-list" data-testid="task-list" aria-label="Open tasks">
          {error !== null && (
            <p className="task-list__stale" role="alert" data-testid="tasks-refresh-error">
              Could not refresh: {describeError(error)}. Trying again in a few seconds.
            </p>
          )}
          {tasks.length === 0 ? (
            <TasksEmpty />
          ) : (
            groupByDue(tasks, now).map((group) => (
              <TaskGroupSection
                key={group.key}
                group={group}
                now={now}
                currentUserId={user.id}
                colleagues={colleagues}
                actions={actions}
              />
            ))
          )}
          {hasMore && (
            <p className="task-list__more">
              Showing your first {MY_TASKS_LIMIT} open tasks, complete some to see the rest.
            </p>
          )}
        </section>
      )}
    </main>
  );
}

function summary(count: number, hasMore: boolean): string {
  if (count === 0) return 'No open tasks';
  return `${count}${hasMore ? '+' : ''} open ${count === 1 ? 'task' : 'tasks'}`;
}
