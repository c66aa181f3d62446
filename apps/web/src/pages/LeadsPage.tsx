import { useCallback, useState } from 'react';
import type { LeadFilters as Filters } from '../api/leads';
import type { Lead, User } from '../api/types';
import { LeadDetail } from '../components/LeadDetail';
import { LeadFilters } from '../components/LeadFilters';
import { LeadsTable } from '../components/LeadsTable';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLeads } from '../hooks/useLeads';
import { useNow } from '../hooks/useNow';
import { describeError } from '../lib/describeError';
import { LEAD_STATUS_LABELS } from '../lib/describeLead';
import './LeadsPage.css';

const CLOCK_MS = 60_000;

export function LeadsPage({ user }: { user: User }) {
  useDocumentTitle('Leads');
  const [filters, setFilters] = useState<Filters>({ status: null, mine: false });
  const { leads, hasMore, loadingMore, error, moreError, loadMore, reload } = useLeads(filters);
  const [selected, setSelected] = useState<Lead | null>(null);
  const now = useNow(CLOCK_MS);

  const closeDetail = useCallback(() => {
    // Hand focus back to the row that opened the panel rather than dropping it on <body>.
    if (selected) {
      document
        .querySelector<HTMLButtonElement>(`[data-lead-id="${CSS.escape(selected.id)}"] .lead-row__open`)
        ?.focus();
    }
    setSelected(null);
  }, [selected]);

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Leads</h1>
          <p className="page__subtitle">{summary(leads, hasMore, filters)}</p>
        </div>
      </div>

      <LeadFilters filters={filters} onChange={setFilters} />

      <div className={`leads-layout${selected ? ' leads-layout--with-detail' : ''}`}>
        <section className="leads-layout__list" aria-label="Leads" aria-busy={leads === null && !error}>
          {leads === null ? (
            error ? (
              <div className="leads-state leads-state--error" role="alert" data-testid="leads-error">
                <p className="leads-state__title">Leads could not be loaded</p>
                <p className="leads-state__detail">{describeError(error)}</p>
                <button type="button" className="button" onClick={reload}>
                  Try again
                </button>
              </div>
            ) : (
              <div className="leads-state" data-testid="leads-loading">
                <p className="leads-state__detail" role="status">
                  Loading leads…
                </p>
              </div>
            )
          ) : leads.length === 0 ? (
            <div className="leads-state" data-testid="leads-empty">
              <p className="leads-state__title">
                {filters.status || filters.mine ? 'No leads match these filters' : 'No leads yet'}
              </p>
              {(filters.status || filters.mine) && (
                <button
                  type="button"
                  className="button"
                  onClick={() => setFilters({ status: null, mine: false })}
                >
                  Clear filters
                </button>
              )}
            </div>
          ) : (
            <>
              <LeadsTable
                leads={leads}
                selectedId={selected?.id ?? null}
                currentUserId={user.id}
                now={now}
                onSelect={setSelected}
              />
              {moreError !== null && (
                <p className="leads-layout__error" role="alert">
                  Could not load more: {describeError(moreError)}
                </p>
              )}
              {hasMore && (
                <div className="leads-layout__more">
                  <button
                    type="button"
                    className="button"
                    onClick={loadMore}
                    disabled={loadingMore}
                    data-testid="leads-load-more"
                  >
                    {loadingMore ? 'Loading…' : 'Load more'}
                  </button>
                </div>
              )}
            </>
          )}
        </section>

        {selected && (
          <LeadDetail
            key={selected.id}
            lead={selected}
            user={user}
            onClose={closeDetail}
            onChanged={reload}
          />
        )}
      </div>
    </main>
  );
}

function summary(leads: Lead[] | null, hasMore: boolean, filters: Filters): string {
  const scope = [
    filters.status ? LEAD_STATUS_LABELS[filters.status].toLowerCase() : null,
    filters.mine ? 'yours' : null,
  ]
    .filter(Boolean)
    .join(', ');
  const suffix = scope ? ` · ${scope}` : '';
  if (leads === null) return `Newest first${suffix}`;
  const count = `${leads.length}${hasMore ? '+' : ''} ${leads.length === 1 ? 'lead' : 'leads'}`;
  return `${count}, newest first${suffix}`;
}
