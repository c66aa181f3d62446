import type { Account } from '../api/crm';
import type { User } from '../api/types';
import { ListToolbar } from '../components/ListToolbar';
import { OwnerCell, TextCell } from '../components/RecordCells';
import { RecordListPage } from '../components/RecordListPage';
import { RecordTable } from '../components/RecordTable';
import { useNameSearch } from '../hooks/useNameSearch';
import { formatDateTime } from '../lib/describeLead';
import { recordHref } from '../lib/routes';

export function AccountsPage({ user }: { user: User }) {
  const { list, scope, filtered, clearFilters, search, mine } = useNameSearch<Account>('accounts', user);

  return (
    <RecordListPage
      title="Accounts"
      noun={{ one: 'account', many: 'accounts' }}
      scope={scope}
      list={list}
      filtered={filtered}
      onClearFilters={clearFilters}
      emptyHint="Accounts are created over the API (POST /api/accounts)."
      toolbar={
        <ListToolbar
          label="Filter accounts"
          search={{
            ...search,
            label: 'Search accounts by name',
            placeholder: 'Search by name',
          }}
          mine={mine}
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
