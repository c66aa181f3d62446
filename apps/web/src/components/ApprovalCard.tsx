import { fetchApprovalsFor, type Approval } from '../api/approvals';
import { fetchQuote } from '../api/quotes';
import type { DirectoryUser } from '../api/users';
import { useRemote } from '../hooks/useRemote';
import { formatAgo } from '../lib/ago';
import { formatCountdown, formatFullDate } from '../lib/due';
import { quoteHref } from '../lib/routes';
import { ApprovalCardMargin } from './ApprovalCardMargin';
import { ApprovalDecisionForm, type Settled } from './ApprovalDecisionForm';
import { ApprovalHistory, DecisionList } from './ApprovalHistory';
import { ApprovalStatusBadge } from './ApprovalStatusBadge';
import { LoadState } from './LoadState';
import { QuoteLinesTable } from './QuoteLinesTable';
import './ApprovalCard.css';

interface ApprovalCardProps {
  approval: Approval;
  settled: Settled | undefined;
  delegates: DirectoryUser[];
  now: Date;
  onSettled: (settled: Settled) => void;
}

/** One request in the inbox: the quote, why it came to you, what was decided so far, and the decision. */
export function ApprovalCard({ approval, settled, delegates, now, onSettled }: ApprovalCardProps) {
  const shown = settled?.approval ?? approval;
  const recordId = approval.record.id;
  const isQuote = approval.record.type === 'quote';
  const quote = useRemote(`quote:${recordId}`, (signal) =>
    isQuote ? fetchQuote(recordId, signal) : Promise.resolve(null),
  );
  // Earlier stages of the same quote (the manager's yes before the approver is asked).
  const history = useRemote(`record-approvals:${recordId}`, (signal) => fetchApprovalsFor(recordId, signal), {
    refresh: shown.status,
  });
  const earlier = (history.data?.items ?? []).filter((a) => a.id !== approval.id);
  const created = new Date(approval.createdAt);
  const due = new Date(approval.dueAt);

  return (
    <article
      className={`approval-card${settled ? ' approval-card--settled' : ''}`}
      data-testid="approval-card"
      data-approval-id={approval.id}
      data-status={shown.status}
    >
      <header className="approval-card__head">
        <div>
          <h2 className="approval-card__title">
            {isQuote ? <a href={quoteHref(recordId)}>{approval.record.label}</a> : approval.record.label}
          </h2>
          <p className="approval-card__meta">
            {quote.data && <span>{quote.data.account.name} · </span>}
            Asked by {approval.requestedBy?.name ?? 'a workflow'}{' '}
            <time dateTime={approval.createdAt} title={formatFullDate(created)}>
              {formatAgo(created, now)}
            </time>
            {shown.status === 'pending' && (
              <span className="approval-card__due" title={formatFullDate(due)}>
                {' '}
                · {formatCountdown(due, now)}
              </span>
            )}
          </p>
        </div>
        <div className="approval-card__badges">
          {shown.escalations > 0 && (
            <span className="approval-card__escalated" data-testid="approval-escalated">
              Escalated
            </span>
          )}
          <ApprovalStatusBadge status={shown.status} />
        </div>
      </header>

      <div className="approval-card__reason" data-testid="approval-reason">
        <span className="approval-card__reason-label">Why you</span>
        <span>{approval.reason}</span>
        {approval.stageName !== approval.reason && (
          <span className="approval-card__stage">Stage: {approval.stageName}</span>
        )}
      </div>

      {isQuote && (
        <ApprovalCardMargin
          marginPercent={shown.marginPercent}
          costTotal={shown.costTotal}
          currency={quote.data?.currency}
        />
      )}

      {isQuote &&
        (quote.data ? (
          <QuoteLinesTable quote={quote.data} />
        ) : (
          <LoadState detail="Loading the quote…" error={quote.error} onRetry={quote.reload} />
        ))}

      {(shown.decisions.length > 0 || earlier.length > 0) && (
        <section className="approval-card__history" aria-label="Decisions so far">
          <h3 className="approval-card__subheading">Decisions so far</h3>
          <DecisionList decisions={shown.decisions} />
          {earlier.length > 0 && <ApprovalHistory approvals={earlier} />}
        </section>
      )}

      {settled ? (
        <p
          className={`approval-card__outcome${settled.elsewhere ? ' approval-card__outcome--elsewhere' : ''}`}
          role="status"
          data-testid="approval-outcome"
        >
          {settled.message}
        </p>
      ) : shown.canDecide ? (
        <ApprovalDecisionForm
          approval={approval}
          delegates={delegates.filter(
            (u) =>
              u.id !== approval.requestedBy?.id &&
              !approval.approvers.some((slot) => slot.users.some((s) => s.id === u.id)),
          )}
          onSettled={onSettled}
        />
      ) : null}
    </article>
  );
}
