import { useId, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { actOnApproval, fetchApproval, type Approval, type ApprovalActionKind } from '../api/approvals';
import type { DirectoryUser } from '../api/users';
import { describeError } from '../lib/describeError';
import { outcomeSentence } from '../lib/describeApproval';

export interface Settled {
  approval: Approval;
  /** What happened, in words; `elsewhere` when someone or something else decided first. */
  message: string;
  elsewhere: boolean;
}

interface ApprovalDecisionFormProps {
  approval: Approval;
  /** People the request may be handed to. */
  delegates: DirectoryUser[];
  onSettled: (settled: Settled) => void;
}

const DONE: Record<Exclude<ApprovalActionKind, 'recall'>, string> = {
  approve: 'You approved this request',
  reject: 'You rejected this request; the quote went back to its rep with your comment',
  delegate: 'You handed this request on',
};

/** Approve, reject with a comment, or delegate; a request decided elsewhere is reported, not retried. */
export function ApprovalDecisionForm({ approval, delegates, onSettled }: ApprovalDecisionFormProps) {
  const ids = useId();
  const [comment, setComment] = useState('');
  const [delegating, setDelegating] = useState(false);
  const [delegateTo, setDelegateTo] = useState('');
  const [busy, setBusy] = useState<ApprovalActionKind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function decide(action: Exclude<ApprovalActionKind, 'recall'>) {
    const text = comment.trim();
    if (action === 'reject' && !text) {
      setProblem('Say why in the comment: the rep sees it with the quote.');
      return;
    }
    if (action === 'delegate' && !delegateTo) {
      setProblem('Pick who should decide instead.');
      return;
    }
    setProblem(null);
    setBusy(action);
    try {
      const result = await actOnApproval(approval.id, {
        action,
        ...(text ? { comment: text } : {}),
        ...(action === 'delegate' ? { delegateTo } : {}),
      });
      const to = delegates.find((u) => u.id === delegateTo)?.name;
      onSettled({
        approval: result,
        message: action === 'delegate' && to ? `You handed this request to ${to}` : DONE[action],
        elsewhere: false,
      });
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : null;
      if (code === 'APPROVAL_NOT_PENDING' || code === 'NOT_AN_APPROVER') {
        // Someone else got there first (or took it over): show where it stands instead of the form.
        const fresh = await fetchApproval(approval.id).catch(() => approval);
        const where =
          fresh.status === 'pending' ? 'is now with someone else' : `was already ${outcomeSentence(fresh)}`;
        onSettled({
          approval: fresh,
          message: `This request ${where}; your decision was not recorded (${code})`,
          elsewhere: true,
        });
        return;
      }
      setProblem(describeError(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <form className="decision" onSubmit={(e) => e.preventDefault()} data-testid="approval-form">
      <label className="field__label" htmlFor={`${ids}-comment`}>
        Comment <span className="decision__optional">(required to reject; the rep sees it)</span>
      </label>
      <textarea
        id={`${ids}-comment`}
        className="decision__comment"
        rows={2}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="approval-comment"
      />
      {delegating && (
        <div className="decision__delegate">
          <label className="field__label" htmlFor={`${ids}-delegate`}>
            Hand over to
          </label>
          <select
            id={`${ids}-delegate`}
            className="decision__select"
            value={delegateTo}
            onChange={(e) => setDelegateTo(e.target.value)}
            data-testid="approval-delegate-to"
          >
            <option value="">Choose a person…</option>
            {delegates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {problem && (
        <p className="decision__problem" role="alert" data-testid="approval-error">
          {problem}
        </p>
      )}
      <div className="decision__buttons">
        <button
          type="button"
          className="button button--primary decision__approve"
          disabled={busy !== null}
          onClick={() => void decide('approve')}
          data-testid="approval-approve"
        >
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
        <button
          type="button"
          className="button decision__reject"
          disabled={busy !== null}
          onClick={() => void decide('reject')}
          data-testid="approval-reject"
        >
          {busy === 'reject' ? 'Rejecting…' : 'Reject'}
        </button>
        {delegating ? (
          <>
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              onClick={() => void decide('delegate')}
              data-testid="approval-delegate-confirm"
            >
              {busy === 'delegate' ? 'Handing over…' : 'Hand over'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setDelegating(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy !== null}
            onClick={() => setDelegating(true)}
            data-testid="approval-delegate"
          >
            Delegate…
          </button>
        )}
      </div>
    </form>
  );
}
