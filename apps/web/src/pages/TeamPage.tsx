import { useMemo, useState } from 'react';
import { fetchRecentApprovals, type Approval } from '../api/approvals';
import { fetchOpenTasksOf } from '../api/tasks';
import type { Task, User } from '../api/types';
import { fetchUsers, type DirectoryUser } from '../api/users';
import { ApprovalStatusBadge } from '../components/ApprovalStatusBadge';
import { LoadState } from '../components/LoadState';
import { TaskReassignRequests } from '../components/TaskReassignRequests';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useNow } from '../hooks/useNow';
import { useRemote } from '../hooks/useRemote';
import { formatCountdown, formatDueDate, formatFullDate } from '../lib/due';
import { recordLabel } from '../lib/describeTask';
import { roleLabel } from '../lib/roles';
import { quoteHref } from '../lib/routes';
import { teamOf } from '../lib/team';
import './MyTasksPage.css';
import './QuotePages.css';
import './TeamPage.css';

const POLL_MS = 10_000;
const CLOCK_MS = 30_000;

export function TeamPage({ user, revision }: { user: User; revision: number }) {
  useDocumentTitle('Team');
  const now = useNow(CLOCK_MS);
  const users = useRemote('users', fetchUsers);
  const team = useMemo(() => teamOf(users.data?.items ?? [], user.id), [users.data, user.id]);
  const teamKey = team.map((u) => u.id).join(',');
  const approvals = useRemote('recent-approvals', fetchRecentApprovals, {
    refresh: revision,
    pollMs: POLL_MS,
  });
  const tasks = useRemote(
    `team-tasks:${teamKey}`,
    async (signal) => {
      const pages = await Promise.all(team.map((member) => fetchOpenTasksOf(member.id, signal)));
      return pages.flatMap((page) => page.items);
    },
    { pollMs: POLL_MS },
  );

  const escalated = useMemo(
    () => escalatedFor(approvals.data?.items ?? [], new Set([user.id, ...team.map((u) => u.id)])),
    [approvals.data, team, user.id],
  );
  const [notice, setNotice] = useState<string | null>(null);
  // A task can go to anyone on the team, or to the manager themself.
  const people = useMemo(
    () => [...team, ...(users.data?.items ?? []).filter((u) => u.id === user.id)],
    [team, users.data, user.id],
  );
  const requests = (tasks.data ?? [])
    .filter((t) => t.reassignRequest !== null)
    .sort((a, b) => a.reassignRequest!.requestedAt.localeCompare(b.reassignRequest!.requestedAt));
  const overdue = (tasks.data ?? [])
    .filter((t) => new Date(t.dueAt) < now)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Team</h1>
          <p className="page__subtitle">{users.data === null ? 'Your reports' : describeTeam(team)}</p>
        </div>
      </div>

      <section className="team__section" aria-labelledby="team-escalated">
        <h2 className="quote-detail__heading" id="team-escalated">
          Escalated approval requests
        </h2>
        {approvals.data === null ? (
          <LoadState detail="Loading approval requests…" error={approvals.error} onRetry={approvals.reload} />
        ) : escalated.length === 0 ? (
          <LoadState detail="No request has had to climb past its approver." testId="team-escalated-empty" />
        ) : (
          <EscalatedTable approvals={escalated} now={now} />
        )}
      </section>

      <section className="team__section" aria-labelledby="team-reassign">
        <h2 className="quote-detail__heading" id="team-reassign">
          Reassignment requests
        </h2>
        {notice && (
          <p className="team__notice" role="status" data-testid="team-reassign-notice">
            {notice}
          </p>
        )}
        {users.data === null || tasks.data === null ? (
          <LoadState
            detail="Loading the team's tasks…"
            error={tasks.error ?? users.error}
            onRetry={tasks.reload}
          />
        ) : requests.length === 0 ? (
          <LoadState detail="Nobody on your team has asked to hand a task on." testId="team-reassign-empty" />
        ) : (
          <TaskReassignRequests
            tasks={requests}
            people={people}
            now={now}
            onReassigned={(task, to) => {
              setNotice(`Gave “${task.title}” to ${to}`);
              tasks.reload();
            }}
          />
        )}
      </section>

      <section className="team__section" aria-labelledby="team-overdue">
        <h2 className="quote-detail__heading" id="team-overdue">
          Overdue open tasks
        </h2>
        {users.data === null || tasks.data === null ? (
          <LoadState
            detail="Loading the team's tasks…"
            error={tasks.error ?? users.error}
            onRetry={tasks.reload}
          />
        ) : overdue.length === 0 ? (
          <LoadState detail="Nobody on your team has an overdue task." testId="team-overdue-empty" />
        ) : (
          <OverdueTable tasks={overdue} now={now} />
        )}
      </section>
    </main>
  );
}

function EscalatedTable({ approvals, now }: { approvals: Approval[]; now: Date }) {
  return (
    <div className="data-table__frame">
      <table className="data-table quote-table" data-testid="team-escalated">
        <thead>
          <tr>
            <th scope="col">Quote</th>
            <th scope="col">Requested by</th>
            <th scope="col">Now with</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {approvals.map((a) => (
            <tr key={a.id} data-testid="team-escalated-row" data-approval-id={a.id} data-status={a.status}>
              <td>
                {a.record.type === 'quote' ? (
                  <a className="quote-table__name" href={quoteHref(a.record.id)}>
                    {a.record.label}
                  </a>
                ) : (
                  <span className="quote-table__name">{a.record.label}</span>
                )}
                <span className="quote-table__sub">{a.stageName}</span>
              </td>
              <td>{a.requestedBy?.name ?? '—'}</td>
              <td>
                {[...new Set(a.approvers.flatMap((s) => s.users.map((u) => u.name)))].join(', ')}
                <span className="quote-table__sub">
                  escalated {a.escalations === 1 ? 'once' : `${a.escalations} times`}
                </span>
              </td>
              <td>
                <ApprovalStatusBadge status={a.status} />
              </td>
              <td className="quote-table__date" title={formatFullDate(new Date(a.dueAt))}>
                {a.status === 'pending' ? formatCountdown(new Date(a.dueAt), now) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OverdueTable({ tasks, now }: { tasks: Task[]; now: Date }) {
  return (
    <div className="data-table__frame">
      <table className="data-table quote-table" data-testid="team-overdue">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Assignee</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.id} data-testid="team-overdue-row" data-task-id={t.id}>
              <td>
                <span className="quote-table__name">{t.title}</span>
                {t.record && <span className="quote-table__sub">{recordLabel(t.record)}</span>}
              </td>
              <td>{t.assignee.name}</td>
              <td className="quote-table__date team__overdue" title={formatFullDate(new Date(t.dueAt))}>
                {formatCountdown(new Date(t.dueAt), now)}
                <span className="quote-table__sub">{formatDueDate(new Date(t.dueAt), now)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Requests that climbed at least once, about or now with someone in `people`; open ones first. */
function escalatedFor(approvals: Approval[], people: ReadonlySet<string>): Approval[] {
  return approvals
    .filter(
      (a) =>
        a.escalations > 0 &&
        ((a.requestedBy && people.has(a.requestedBy.id)) ||
          a.approvers.some((slot) => slot.users.some((u) => people.has(u.id)))),
    )
    .sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
}

function describeTeam(team: DirectoryUser[]): string {
  if (team.length === 0) return 'Nobody reports to you';
  const roles = new Map<string, number>();
  for (const member of team) roles.set(member.role, (roles.get(member.role) ?? 0) + 1);
  const parts = [...roles].map(([role, n]) => `${n} ${roleLabel(role).toLowerCase()}${n === 1 ? '' : 's'}`);
  return `${team.length} ${team.length === 1 ? 'person reports' : 'people report'} to you: ${parts.join(', ')}`;
}
