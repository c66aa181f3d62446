import { fetchLeads, type LeadFilters } from '../api/leads';
import type { Lead } from '../api/types';
import { usePagedList, type PagedList } from './usePagedList';

export type Leads = Omit<PagedList<Lead>, 'items'> & { leads: Lead[] | null };

/** Leads matching `filters`, newest first, one page at a time; changing the filters starts over. */
export function useLeads({ status, mine }: LeadFilters): Leads {
  const { items, ...rest } = usePagedList<Lead>(`leads:${status ?? ''}:${mine}`, (cursor, signal) =>
    fetchLeads({ status, mine }, cursor, signal),
  );
  return { leads: items, ...rest };
}
