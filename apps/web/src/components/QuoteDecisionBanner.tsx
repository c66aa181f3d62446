import type { Approval } from '../api/approvals';
import type { Quote } from '../api/quotes';
import { formatDateTime } from '../lib/describeLead';

/** Why the quote is where it is: sent back with the approver's comment, or approved. */
export function QuoteDecisionBanner({ quote, approvals }: { quote: Quote; approvals: Approval[] }) {
  const decision = quote.decision;
  if (!decision) return null;
  const latest = approvals[0];
  const by = decision.by?.name ?? 'the approver';
  const when = formatDateTime(new Date(decision.at));
  // A draft carries the last decision until it is decided again; only a rejection explains the draft.
  const sentBack = quote.status === 'rejected' || (quote.status === 'draft' && latest?.status === 'rejected');
  if (sentBack) {
    return (
      <div className="quote-banner quote-banner--danger" role="status" data-testid="quote-sent-back">
        <p className="quote-banner__title">
          Sent back by {by} on {when}
        </p>
        {decision.comment && (
          <q className="quote-banner__comment" data-testid="quote-decision-comment">
            {decision.comment}
          </q>
        )}
        {quote.status === 'draft' && (
          <p className="quote-banner__hint">Change the lines and submit it again.</p>
        )}
      </div>
    );
  }
  if (quote.status === 'approved' || quote.status === 'sent' || quote.status === 'accepted') {
    return (
      <div className="quote-banner quote-banner--success" role="status" data-testid="quote-approved">
        <p className="quote-banner__title">
          Approved by {by} on {when}
        </p>
        {decision.comment && (
          <q className="quote-banner__comment" data-testid="quote-decision-comment">
            {decision.comment}
          </q>
        )}
      </div>
    );
  }
  return null;
}
