import { useState } from 'react';
import { RENEWAL_STATUSES, type Subscription } from '../api/crm';
import { fetchRecords } from '../api/crmRecords';
import type { User } from '../api/types';
import { ListToolbar } from '../components/ListToolbar';
import { RenewalBadge } from '../components/RecordBadges';
import { OwnerCell } from '../components/RecordCells';
import { RecordListPage } from '../components/RecordListPage';
import { RecordTable } from '../components/RecordTable';
import { usePagedList } from '../hooks/usePagedList';
import { formatAmount, formatDay, RENEWAL_LABELS } from '../lib/describeRecords';
import { recordHref } from '../lib/routes';

const STATUS_OPTIONS = [
  { value: '', label: 'Every status' },
  ...RENEWAL_STATUSES.map((status) => ({ value: status, label: RENEWAL_LABELS[status] })),
];

export function SubscriptionsPage({ user }: { user: User }) {
  const [status, setStatus] = useState('');
  const [mine, setMine] = useState(false);
  // Reps are only ever shown their own contracts.
  const seesAll = user.role !== 'sales_rep';
  const params = { renewalStatus: status, owner: mine ? 'me' : null, sort: 'endDate' };
  const list = usePagedList<Subscription>(`subscriptions:${status}:${mine}`, (cursor, signal) =>
    fetchRecords('subscriptions', params, cursor, signal),
  );
  const scope = [
    'ending soonest first',
    status ? RENEWAL_LABELS[status as Subscription['renewalStatus']].toLowerCase() : null,
    mine || !seesAll ? 'yours' : null,
  ];

  return (
    <RecordListPage
      title="Subscriptions"
      noun={{ one: 'subscription', many: 'subscriptions' }}
      scope={scope.filter(Boolean).join(' · ')}
      list={list}
      filtered={status !== '' || mine}
      onClearFilters={() => {
        setStatus('');
        setMine(false);
      }}
      emptyHint="Subscriptions are created over the API."
      toolbar={
        <ListToolbar
          label="Filter subscriptions"
          choice={{ label: 'Renewal status', value: status, options: STATUS_OPTIONS, onChange: setStatus }}
          mine={seesAll ? { value: mine, onChange: setMine } : undefined}
        />
      }
    >
      {(items) => (
        <RecordTable
          label="Subscriptions"
          testId="subscriptions-table"
          rows={items}
          name={(s) => ({ text: s.plan, href: recordHref('subscriptions', s.id), sub: s.account.name })}
          columns={[
            { header: 'Status', cell: (s) => <RenewalBadge status={s.renewalStatus} /> },
            {
              header: 'Ends',
              cell: (s) => <span className="record-table__muted">{formatDay(s.endDate)}</span>,
            },
            { header: 'Amount', numeric: true, cell: (s) => formatAmount(s.amount) },
            { header: 'Owner', cell: (s) => <OwnerCell owner={s.owner} currentUserId={user.id} /> },
          ]}
        />
      )}
    </RecordListPage>
  );
}
