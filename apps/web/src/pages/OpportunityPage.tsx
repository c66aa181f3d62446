import { useState } from 'react';
import { OPPORTUNITY_STAGES, type Opportunity, type QuoteSummary } from '../api/crm';
import type { User } from '../api/types';
import { LoadState } from '../components/LoadState';
import { NewQuoteForm } from '../components/NewQuoteForm';
import { QuoteStatusBadge } from '../components/QuoteStatusBadge';
import { StageBadge } from '../components/RecordBadges';
import { RecordFields } from '../components/RecordFields';
import { RecordHistory } from '../components/RecordHistory';
import { RecordLayout } from '../components/RecordLayout';
import { RelatedList } from '../components/RelatedList';
import { useDirectory } from '../hooks/useDirectory';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRecord } from '../hooks/useRecord';
import { useRelated } from '../hooks/useRelated';
import { formatDateTime } from '../lib/describeLead';
import { formatDay, STAGE_LABELS } from '../lib/describeRecords';
import { formatMoney } from '../lib/money';
import { mayEdit } from '../lib/permissions';
import { ownerField, textField, timestampFields } from '../lib/recordFields';
import { quoteHref, recordHref, routeHref } from '../lib/routes';

interface OpportunityPageProps {
  id: string;
  user: User;
  revision: number;
}

const STAGE_OPTIONS = OPPORTUNITY_STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));

export function OpportunityPage({ id, user, revision }: OpportunityPageProps) {
  const opportunity = useRecord<Opportunity>('opportunities', id, revision);
  const directory = useDirectory();
  const [quoting, setQuoting] = useState(false);
  useDocumentTitle(opportunity.data?.name ?? 'Opportunity');
  const quotes = useRelated<QuoteSummary>(
    'quotes',
    { opportunity: id },
    (q) => ({
      id: q.id,
      href: quoteHref(q.id),
      primary: q.name,
      secondary: `${formatMoney(q.total, q.currency)} · updated ${formatDateTime(new Date(q.updatedAt))}`,
      badge: <QuoteStatusBadge status={q.status} />,
    }),
    revision,
  );

  if (opportunity.data === null) {
    return (
      <main className="page">
        <LoadState detail="Loading the opportunity…" error={opportunity.error} onRetry={opportunity.reload} />
      </main>
    );
  }
  const current = opportunity.data;
  const editable = mayEdit(user, current.owner);
  const contacts = {
    data: {
      items: current.contacts.map((c) => ({ id: c.id, href: recordHref('contacts', c.id), primary: c.name })),
      nextCursor: null,
    },
    error: null,
  };
  const money = (amount: string) => formatMoney(amount, current.currency);

  return (
    <RecordLayout
      kind="opportunity"
      id={current.id}
      back={{ href: routeHref('opportunities'), label: 'Opportunities' }}
      title={current.name}
      badge={<StageBadge stage={current.stage} />}
      subtitle={
        <>
          <a href={recordHref('accounts', current.account.id)}>{current.account.name}</a> ·{' '}
          {money(current.amount)}
          {current.closeDate && ` · closes ${formatDay(current.closeDate)}`}
          {current.owner && ` · owned by ${current.owner.name}`}
        </>
      }
      actions={
        editable &&
        !current.archivedAt && (
          <button
            type="button"
            className="button button--primary"
            aria-expanded={quoting}
            onClick={() => setQuoting((v) => !v)}
            data-testid="new-quote"
          >
            New quote
          </button>
        )
      }
      archivedAt={current.archivedAt}
      side={
        <>
          <RecordFields
            key={current.version}
            editable={editable}
            onSave={opportunity.save}
            onReload={opportunity.reload}
            fields={[
              textField('name', 'Name', current.name, true),
              {
                name: 'accountId',
                label: 'Account',
                value: current.account.id,
                display: <a href={recordHref('accounts', current.account.id)}>{current.account.name}</a>,
                readOnly: true,
              },
              {
                name: 'stage',
                label: 'Stage',
                value: current.stage,
                display: STAGE_LABELS[current.stage],
                input: 'select',
                options: STAGE_OPTIONS,
                required: true,
              },
              {
                name: 'amount',
                label: 'Amount',
                value: current.amount,
                display: money(current.amount),
                input: 'money',
                required: true,
              },
              textField('currency', 'Currency', current.currency, true),
              {
                name: 'closeDate',
                label: 'Close date',
                value: current.closeDate,
                display: current.closeDate && formatDay(current.closeDate),
                input: 'date',
              },
              {
                name: 'offerDeadline',
                label: 'Offer deadline',
                value: current.offerDeadline,
                display: current.offerDeadline && formatDateTime(new Date(current.offerDeadline)),
                input: 'datetime',
              },
              textField('rfiReference', 'RFI reference', current.rfiReference),
              textField('rfpReference', 'RFP reference', current.rfpReference),
              ownerField(current, user, directory),
              ...timestampFields(current),
            ]}
          />
          <RelatedList title="Quotes" rows={quotes} empty="No quotes yet." testId="related-quotes">
            {quoting && <NewQuoteForm opportunity={current} onCancel={() => setQuoting(false)} />}
          </RelatedList>
          <RelatedList
            title="Contacts"
            rows={contacts}
            empty="Nobody named on this deal yet."
            testId="related-contacts"
          />
        </>
      }
      main={
        <RecordHistory
          path="opportunities"
          recordType="opportunity"
          id={current.id}
          user={user}
          directory={directory}
          // A saved field is a change on the timeline.
          revision={`${revision}:${current.version}`}
        />
      }
    />
  );
}
