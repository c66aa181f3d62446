import type { Contact } from '../api/crm';
import type { User } from '../api/types';
import { ListToolbar } from '../components/ListToolbar';
import { OwnerCell, TextCell } from '../components/RecordCells';
import { RecordListPage } from '../components/RecordListPage';
import { Missing, RecordTable } from '../components/RecordTable';
import { useNameSearch } from '../hooks/useNameSearch';
import { recordHref } from '../lib/routes';

export function ContactsPage({ user }: { user: User }) {
  const { list, scope, filtered, clearFilters, search, mine } = useNameSearch<Contact>('contacts', user);

  return (
    <RecordListPage
      title="Contacts"
      noun={{ one: 'contact', many: 'contacts' }}
      scope={scope}
      list={list}
      filtered={filtered}
      onClearFilters={clearFilters}
      emptyHint="Import contacts from a CSV file, or create them over the API."
      toolbar={
        <ListToolbar
          label="Filter contacts"
          search={{
            ...search,
            label: 'Search contacts by name or email',
            placeholder: 'Search by name or email',
          }}
          mine={mine}
        />
      }
    >
      {(items) => (
        <RecordTable
          label="Contacts"
          testId="contacts-table"
          rows={items}
          name={(c) => ({ text: c.name, href: recordHref('contacts', c.id), sub: c.title })}
          columns={[
            {
              header: 'Email',
              cell: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : <Missing />),
            },
            { header: 'Phone', cell: (c) => <TextCell value={c.phone} /> },
            {
              header: 'Accounts',
              cell: (c) =>
                c.accounts.length === 0 ? (
                  <Missing />
                ) : (
                  c.accounts.map((a, i) => (
                    <span key={a.id}>
                      {i > 0 && ', '}
                      <a href={recordHref('accounts', a.id)}>{a.name}</a>
                    </span>
                  ))
                ),
            },
            { header: 'Owner', cell: (c) => <OwnerCell owner={c.owner} currentUserId={user.id} /> },
          ]}
        />
      )}
    </RecordListPage>
  );
}
