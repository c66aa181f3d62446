import { useCallback, useState } from 'react';
import { fetchApprovalInbox, type Approval } from '../api/approvals';
import type { User } from '../api/types';
import { fetchUsers } from '../api/users';
import { ApprovalCard } from '../components/ApprovalCard';
import type { Settled } from '../components/ApprovalDecisionForm';
import { LoadState } from '../components/LoadState';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useNow } from '../hooks/useNow';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import './MyTasksPage.css';
import './ApprovalsPage.css';

// New requests also arrive as notifications (and re-read the inbox at once); this is the fallback.
const POLL_MS = 15_000;
const CLOCK_MS = 30_000;

export function ApprovalsPage({ user, revision }: { user: User; revision: number }) {
  useDocumentTitle('Approvals');
  const inbox = useRemote('approval-inbox', fetchApprovalInbox, { refresh: revision, pollMs: POLL_MS });
  const users = useRemote('users', fetchUsers);
  const now = useNow(CLOCK_MS);
  // Requests decided on this page stay in view with their outcome until the user leaves.
  const [settled, setSettled] = useState<ReadonlyMap<string, Settled>>(new Map());
  const settle = useCallback(
    (result: Settled) => setSettled((current) => new Map(current).set(result.approval.id, result)),
    [],
  );

  const items = merge(inbox.data?.items ?? null, settled);
  const waiting = items?.filter((a) => !settled.has(a.id)).length ?? 0;
  const delegates = (users.data?.items ?? []).filter((u) => u.id !== user.id);

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Approvals</h1>
          <p className="page__subtitle" data-testid="approvals-summary">
            {items === null
              ? 'Requests waiting on your decision'
              : waiting === 0
                ? 'Nothing is waiting on you'
                : `${waiting} ${waiting === 1 ? 'request is' : 'requests are'} waiting on you`}
          </p>
        </div>
      </div>
      {items !== null && inbox.error !== null && (
        <p className="task-list__stale" role="alert">
          Could not refresh: {describeError(inbox.error)}. Trying again shortly.
        </p>
      )}
      {items === null ? (
        <LoadState detail="Loading your requests…" error={inbox.error} onRetry={inbox.reload} />
      ) : items.length === 0 ? (
        <LoadState
          title="Inbox zero"
          detail="When a quote's discount needs your approval, it shows up here and under the bell."
          testId="approvals-empty"
        />
      ) : (
        <div className="approvals-list" data-testid="approvals-list">
          {items.map((approval) => (
            <ApprovalCard
              key={approval.id}
              approval={approval}
              settled={settled.get(approval.id)}
              delegates={delegates}
              now={now}
              onSettled={settle}
            />
          ))}
        </div>
      )}
    </main>
  );
}

/** The inbox, plus what was decided here (which the server no longer lists), newest first. */
function merge(inbox: Approval[] | null, settled: ReadonlyMap<string, Settled>): Approval[] | null {
  if (inbox === null) return null;
  const byId = new Map(inbox.map((a) => [a.id, a]));
  for (const [id, s] of settled) if (!byId.has(id)) byId.set(id, s.approval);
  return [...byId.values()].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  );
}
