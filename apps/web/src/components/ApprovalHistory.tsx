import type { Approval } from '../api/approvals';
import { decisionSentence } from '../lib/describeApproval';
import { formatFullDate } from '../lib/due';
import { formatDateTime } from '../lib/describeLead';
import { ApprovalStatusBadge } from './ApprovalStatusBadge';
import './ApprovalHistory.css';

/** Who was asked, why, and what each person decided, one block per request (newest first). */
export function ApprovalHistory({ approvals }: { approvals: Approval[] }) {
  return (
    <ol className="approval-history" data-testid="approval-history">
      {approvals.map((approval) => (
        <li key={approval.id} className="approval-history__item" data-testid="approval-history-item">
          <div className="approval-history__head">
            <span className="approval-history__stage">{approval.stageName}</span>
            <ApprovalStatusBadge status={approval.status} />
            {approval.escalations > 0 && (
              <span className="approval-history__escalated">
                escalated{approval.escalations > 1 ? ` ×${approval.escalations}` : ''}
              </span>
            )}
          </div>
          <p className="approval-history__meta">
            Asked {approvers(approval)} ·{' '}
            <time dateTime={approval.createdAt} title={formatFullDate(new Date(approval.createdAt))}>
              {formatDateTime(new Date(approval.createdAt))}
            </time>
          </p>
          <DecisionList decisions={approval.decisions} />
        </li>
      ))}
    </ol>
  );
}

export function DecisionList({ decisions }: { decisions: Approval['decisions'] }) {
  if (decisions.length === 0) return null;
  return (
    <ul className="approval-history__decisions">
      {decisions.map((d, i) => (
        <li key={`${d.at}-${i}`} className="approval-history__decision" data-testid="approval-decision">
          <span className={`approval-history__action approval-history__action--${d.action}`}>
            {decisionSentence(d)}
          </span>{' '}
          <time className="approval-history__time" dateTime={d.at}>
            {formatDateTime(new Date(d.at))}
          </time>
          {d.comment && <q className="approval-history__comment">{d.comment}</q>}
        </li>
      ))}
    </ul>
  );
}

function approvers(approval: Approval): string {
  const names = [...new Set(approval.approvers.flatMap((slot) => slot.users.map((u) => u.name)))];
  if (names.length === 0) return 'nobody';
  return names.join(approval.mode === 'all' ? ' and ' : ' or ');
}
