import { fetchMyQuotes } from '../api/quotes';
import { LoadState } from '../components/LoadState';
import { QuoteStatusBadge } from '../components/QuoteStatusBadge';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { formatDateTime } from '../lib/describeLead';
import { formatMoney } from '../lib/money';
import { quoteHref } from '../lib/routes';
import './MyTasksPage.css';
import './QuotePages.css';

export function QuotesPage({ revision }: { revision: number }) {
  useDocumentTitle('My quotes');
  const { data, error, reload } = useRemote('my-quotes', fetchMyQuotes, { refresh: revision });
  const quotes = data?.items ?? null;

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">My quotes</h1>
          <p className="page__subtitle">
            {quotes === null
              ? 'Quotes you own'
              : `${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'} · ${
                  quotes.filter((q) => q.status === 'submitted').length
                } waiting for approval`}
          </p>
        </div>
      </div>
      {quotes === null ? (
        <LoadState detail="Loading quotes…" error={error} onRetry={reload} />
      ) : quotes.length === 0 ? (
        <LoadState title="No quotes yet" detail="Quotes you create on your opportunities show up here." />
      ) : (
        <div className="data-table__frame">
          <table className="data-table quote-table" data-testid="quotes-table">
            <thead>
              <tr>
                <th scope="col">Quote</th>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
                <th scope="col" className="quote-table__number">
                  Total
                </th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {quotes.map((quote) => (
                <tr key={quote.id} data-testid="quote-row" data-quote-id={quote.id}>
                  <td>
                    <a className="quote-table__name" href={quoteHref(quote.id)}>
                      {quote.name}
                    </a>
                    <span className="quote-table__sub">{quote.opportunity.name}</span>
                  </td>
                  <td>{quote.account.name}</td>
                  <td>
                    <QuoteStatusBadge status={quote.status} />
                  </td>
                  <td className="quote-table__number">{formatMoney(quote.total, quote.currency)}</td>
                  <td className="quote-table__date">{formatDateTime(new Date(quote.updatedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
