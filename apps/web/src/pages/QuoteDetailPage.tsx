import { useEffect, useState } from 'react';
import { fetchApprovalsFor } from '../api/approvals';
import {
  actOnQuote,
  fetchProducts,
  fetchQuote,
  saveQuoteLines,
  type Quote,
  type QuoteAction,
} from '../api/quotes';
import type { User } from '../api/types';
import { ApprovalCardMargin } from '../components/ApprovalCardMargin';
import { ApprovalHistory } from '../components/ApprovalHistory';
import { LoadState } from '../components/LoadState';
import { QuoteDecisionBanner } from '../components/QuoteDecisionBanner';
import { QuoteLinesEditor } from '../components/QuoteLinesEditor';
import { QuoteLinesTable } from '../components/QuoteLinesTable';
import { QuoteStatusBadge } from '../components/QuoteStatusBadge';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import { routeHref } from '../lib/routes';
import './MyTasksPage.css';
import './QuotePages.css';

// While a quote waits, the run opens and closes requests without telling the rep each time.
const WAITING_POLL_MS = 4_000;

interface QuoteDetailPageProps {
  id: string;
  user: User;
  revision: number;
}

export function QuoteDetailPage({ id, user, revision }: QuoteDetailPageProps) {
  const [waiting, setWaiting] = useState(false);
  const quote = useRemote(`quote:${id}`, (signal) => fetchQuote(id, signal), {
    refresh: revision,
    pollMs: waiting ? WAITING_POLL_MS : undefined,
  });
  const status = quote.data?.status;
  useEffect(() => setWaiting(status === 'submitted'), [status]);
  useDocumentTitle(quote.data?.name ?? 'Quote');
  // Re-read alongside the quote: a save or a decision changes both.
  const approvals = useRemote(`quote-approvals:${id}`, (signal) => fetchApprovalsFor(id, signal), {
    refresh: `${revision}:${quote.data?.version}:${quote.data?.status}`,
    pollMs: waiting ? WAITING_POLL_MS : undefined,
  });
  const [pending, setPending] = useState<QuoteAction | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);

  const mayEdit =
    quote.data !== null &&
    (user.role === 'admin' ||
      user.role === 'manager' ||
      (user.role === 'sales_rep' && quote.data.owner?.id === user.id));
  const editable = mayEdit && quote.data?.status === 'draft';
  const products = useRemote(editable ? 'products' : 'no-products', (signal) =>
    editable ? fetchProducts(signal) : Promise.resolve({ items: [], nextCursor: null }),
  );

  if (quote.data === null) {
    return (
      <main className="page">
        <LoadState detail="Loading the quote…" error={quote.error} onRetry={quote.reload} />
      </main>
    );
  }
  const current: Quote = quote.data;
  const requests = approvals.data?.items ?? [];
  const waitingOnMe = requests.find((a) => a.status === 'pending' && a.canDecide);

  async function act(action: QuoteAction) {
    setPending(action);
    setActionError(null);
    try {
      quote.replace(await actOnQuote(current.id, action));
    } catch (caught) {
      setActionError(caught);
      quote.reload();
    } finally {
      setPending(null);
    }
  }

  return (
    <main className="page" data-testid="quote-detail" data-quote-id={current.id} data-status={current.status}>
      <p className="quote-detail__back">
        <a href={routeHref('quotes')}>← My quotes</a>
      </p>
      <div className="page__header">
        <div>
          <h1 className="page__title quote-detail__title">
            {current.name} <QuoteStatusBadge status={current.status} />
          </h1>
          <p className="page__subtitle">
            {current.account.name} · {current.opportunity.name}
            {current.owner && ` · owned by ${current.owner.name}`}
          </p>
        </div>
        {mayEdit && (
          <div className="quote-detail__actions">
            {current.status === 'draft' && (
              <button
                type="button"
                className="button button--primary"
                disabled={pending !== null || dirty}
                title={dirty ? 'Save or discard your changes first' : undefined}
                onClick={() => void act('submit')}
                data-testid="quote-submit"
              >
                {pending === 'submit' ? 'Submitting…' : 'Submit for approval'}
              </button>
            )}
            {current.status === 'submitted' && (
              <button
                type="button"
                className="button"
                disabled={pending !== null}
                onClick={() => void act('recall')}
                data-testid="quote-recall"
              >
                {pending === 'recall' ? 'Recalling…' : 'Recall'}
              </button>
            )}
            {current.status === 'rejected' && (
              <button
                type="button"
                className="button"
                disabled={pending !== null}
                onClick={() => void act('reopen')}
                data-testid="quote-reopen"
              >
                {pending === 'reopen' ? 'Reopening…' : 'Reopen as draft'}
              </button>
            )}
          </div>
        )}
      </div>

      {actionError !== null && (
        <p className="task-list__stale quote-detail__error" role="alert" data-testid="quote-action-error">
          {describeError(actionError)}
        </p>
      )}
      <QuoteDecisionBanner quote={current} approvals={requests} />
      {waitingOnMe && (
        <p className="quote-banner quote-banner--info">
          This quote is waiting on your decision.{' '}
          <a href={routeHref('approvals')}>Open your approvals inbox</a>
        </p>
      )}

      <section className="quote-detail__section" aria-labelledby="quote-lines-title">
        <h2 className="quote-detail__heading" id="quote-lines-title">
          Lines
        </h2>
        {editable ? (
          <QuoteLinesEditor
            key={current.version}
            quote={current}
            products={products.data?.items ?? []}
            onDirtyChange={setDirty}
            onSave={async (lines) => quote.replace(await saveQuoteLines(current.id, current.version, lines))}
          />
        ) : (
          <QuoteLinesTable quote={current} />
        )}
        <ApprovalCardMargin
          marginPercent={current.marginPercent}
          costTotal={current.costTotal}
          currency={current.currency}
        />
      </section>

      <section className="quote-detail__section" aria-labelledby="quote-approvals-title">
        <h2 className="quote-detail__heading" id="quote-approvals-title">
          Approval
        </h2>
        {approvals.data === null ? (
          <LoadState detail="Loading approval requests…" error={approvals.error} onRetry={approvals.reload} />
        ) : requests.length === 0 ? (
          <p className="quote-detail__none" data-testid="approval-none">
            {current.status === 'draft'
              ? 'Not submitted yet. Discounts over 10 % go to your manager, over 25 % also to a quote approver.'
              : current.status === 'submitted'
                ? 'Submitted: checking whether the discount needs someone’s approval…'
                : 'No approval was needed.'}
          </p>
        ) : (
          <ApprovalHistory approvals={requests} />
        )}
      </section>
    </main>
  );
}
