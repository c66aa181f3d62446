import { useState } from 'react';
import type { Contact } from '../api/crm';
import { fetchRecords } from '../api/crmRecords';
import type { User } from '../api/types';
import { ListToolbar } from '../components/ListToolbar';
import { OwnerCell, TextCell } from '../components/RecordCells';
import { RecordListPage } from '../components/RecordListPage';
import { Missing, RecordTable } from '../components/RecordTable';
import { useDebounced } from '../hooks/useDebounced';
import { usePagedList } from '../hooks/usePagedList';
import { recordHref } from '../lib/routes';

const SEARCH_PAUSE_MS = 300;

export function ContactsPage({ user }: { user: User }) {
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(user.role === 'sales_rep');
  const query = useDebounced(q.trim(), SEARCH_PAUSE_MS);
  const params = { q: query, owner: mine ? 'me' : null, sort: 'name' };
  const list = usePagedList<Contact>(`contacts:${query}:${mine}`, (cursor, signal) =>
    fetchRecords('contacts', params, cursor, signal),
  );

  return (
    <RecordListPage
      title="Contacts"
      noun={{ one: 'contact', many: 'contacts' }}
      scope={`by name${mine ? ' · yours' : ''}${query ? ` · matching “${query}”` : ''}`}
      list={list}
      filtered={query !== '' || mine}
      onClearFilters={() => {
        setQ('');
        setMine(false);
      }}
      emptyHint="Import contacts from a CSV file, or create them over the API."
      toolbar={
        <ListToolbar
          label="Filter contacts"
          search={{
            value: q,
            label: 'Search contacts by name or email',
            placeholder: 'Search by name or email',
            onChange: setQ,
          }}
          mine={{ value: mine, onChange: setMine }}
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
