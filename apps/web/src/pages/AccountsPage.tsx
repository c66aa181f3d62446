import { useState } from 'react';
import type { Account } from '../api/crm';
import { fetchRecords } from '../api/crmRecords';
import type { User } from '../api/types';
import { ListToolbar } from '../components/ListToolbar';
import { OwnerCell, TextCell } from '../components/RecordCells';
import { RecordListPage } from '../components/RecordListPage';
import { RecordTable } from '../components/RecordTable';
import { useDebounced } from '../hooks/useDebounced';
import { usePagedList } from '../hooks/usePagedList';
import { formatDateTime } from '../lib/describeLead';
import { recordHref } from '../lib/routes';

const SEARCH_PAUSE_MS = 300;

export function AccountsPage({ user }: { user: User }) {
  const [q, setQ] = useState('');
  // A rep's own book first; every account stays one click away.
  const [mine, setMine] = useState(user.role === 'sales_rep');
  const query = useDebounced(q.trim(), SEARCH_PAUSE_MS);
  const params = { q: query, owner: mine ? 'me' : null, sort: 'name' };
  const list = usePagedList<Account>(`accounts:${query}:${mine}`, (cursor, signal) =>
    fetchRecords('accounts', params, cursor, signal),
  );

  return (
    <RecordListPage
      title="Accounts"
      noun={{ one: 'account', many: 'accounts' }}
      scope={`by name${mine ? ' · yours' : ''}${query ? ` · matching “${query}”` : ''}`}
      list={list}
      filtered={query !== '' || mine}
      onClearFilters={() => {
        setQ('');
        setMine(false);
      }}
      emptyHint="Accounts are created over the API (POST /api/accounts)."
      toolbar={
        <ListToolbar
          label="Filter accounts"
          search={{
            value: q,
            label: 'Search accounts by name',
            placeholder: 'Search by name',
            onChange: setQ,
          }}
          mine={{ value: mine, onChange: setMine }}
        />
      }
    >
      {(items) => (
        <RecordTable
          label="Accounts"
          testId="accounts-table"
          rows={items}
          name={(a) => ({ text: a.name, href: recordHref('accounts', a.id), sub: a.domain })}
          columns={[
            { header: 'Industry', cell: (a) => <TextCell value={a.industry} /> },
            { header: 'Region', cell: (a) => <TextCell value={a.region} /> },
            { header: 'Owner', cell: (a) => <OwnerCell owner={a.owner} currentUserId={user.id} /> },
            {
              header: 'Updated',
              cell: (a) => (
                <time className="record-table__muted" dateTime={a.updatedAt}>
                  {formatDateTime(new Date(a.updatedAt))}
                </time>
              ),
            },
          ]}
        />
      )}
    </RecordListPage>
  );
}
