import { useState } from 'react';
import type { CaseStatus, SupportCase } from '../api/crm';
import { fetchRecords } from '../api/crmRecords';
import type { User } from '../api/types';
import { ListToolbar } from '../components/ListToolbar';
import { CaseBadge } from '../components/RecordBadges';
import { OwnerCell } from '../components/RecordCells';
import { RecordListPage } from '../components/RecordListPage';
import { RecordTable } from '../components/RecordTable';
import { useDebounced } from '../hooks/useDebounced';
import { usePagedList } from '../hooks/usePagedList';
import { formatDateTime } from '../lib/describeLead';
import { CASE_STATUS_LABELS } from '../lib/describeRecords';
import { recordHref } from '../lib/routes';

const SEARCH_PAUSE_MS = 300;
const STATUS_OPTIONS = [
  { value: '', label: 'Every status' },
  ...Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

/** Support cases, the soonest SLA first: what needs an answer next is at the top. */
export function CasesPage({ user }: { user: User }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [mine, setMine] = useState(false);
  // Reps are only ever shown their own cases.
  const seesAll = user.role !== 'sales_rep';
  const query = useDebounced(q.trim(), SEARCH_PAUSE_MS);
  const params = { q: query, status, owner: mine ? 'me' : null, sort: 'slaDueAt' };
  const list = usePagedList<SupportCase>(`cases:${query}:${status}:${mine}`, (cursor, signal) =>
    fetchRecords('cases', params, cursor, signal),
  );
  const scope = [
    'soonest SLA first',
    status ? CASE_STATUS_LABELS[status as CaseStatus].toLowerCase() : null,
    mine || !seesAll ? 'yours' : null,
    query ? `matching “${query}”` : null,
  ];

  return (
    <RecordListPage
      title="Cases"
      noun={{ one: 'case', many: 'cases' }}
      scope={scope.filter(Boolean).join(' · ')}
      list={list}
      filtered={query !== '' || status !== '' || mine}
      onClearFilters={() => {
        setQ('');
        setStatus('');
        setMine(false);
      }}
      emptyHint="Cases are opened over the API or by workflows."
      toolbar={
        <ListToolbar
          label="Filter cases"
          search={{
            value: q,
            label: 'Search cases by subject',
            placeholder: 'Search by subject',
            onChange: setQ,
          }}
          choice={{ label: 'Status', value: status, options: STATUS_OPTIONS, onChange: setStatus }}
          mine={seesAll ? { value: mine, onChange: setMine } : undefined}
        />
      }
    >
      {(items) => (
        <RecordTable
          label="Cases"
          testId="cases-table"
          rows={items}
          name={(c) => ({ text: c.subject, href: recordHref('cases', c.id), sub: c.account.name })}
          columns={[
            { header: 'Status', cell: (c) => <CaseBadge supportCase={c} /> },
            { header: 'Priority', cell: (c) => <span className="record-table__muted">{c.priority}</span> },
            {
              header: 'SLA due',
              cell: (c) => (
                <span className="record-table__muted">{formatDateTime(new Date(c.slaDueAt))}</span>
              ),
            },
            { header: 'Owner', cell: (c) => <OwnerCell owner={c.owner} currentUserId={user.id} /> },
          ]}
        />
      )}
    </RecordListPage>
  );
}
