import { useState } from 'react';
import { fetchRecords } from '../api/crmRecords';
import type { User } from '../api/types';
import { useDebounced } from './useDebounced';
import { usePagedList, type PagedList } from './usePagedList';

const SEARCH_PAUSE_MS = 300;

export interface NameSearch<T> {
  list: PagedList<T>;
  /** How the list is ordered and narrowed, in words for the page header. */
  scope: string;
  filtered: boolean;
  clearFilters: () => void;
  search: { value: string; onChange: (value: string) => void };
  mine: { value: boolean; onChange: (value: boolean) => void };
}

/** A list searched by name with a "mine only" switch (accounts, contacts), sorted by name. */
export function useNameSearch<T extends { id: string }>(
  path: 'accounts' | 'contacts',
  user: User,
): NameSearch<T> {
  const [q, setQ] = useState('');
  // A rep's own book first; every record stays one click away.
  const [mine, setMine] = useState(user.role === 'sales_rep');
  const query = useDebounced(q.trim(), SEARCH_PAUSE_MS);
  const params = { q: query, owner: mine ? 'me' : null, sort: 'name' };
  const list = usePagedList<T>(`${path}:${query}:${mine}`, (cursor, signal) =>
    fetchRecords(path, params, cursor, signal),
  );
  return {
    list,
    scope: `by name${mine ? ' · yours' : ''}${query ? ` · matching “${query}”` : ''}`,
    filtered: query !== '' || mine,
    clearFilters: () => {
      setQ('');
      setMine(false);
    },
    search: { value: q, onChange: setQ },
    mine: { value: mine, onChange: setMine },
  };
}
