import { apiRequest } from './client';
import type { Lead, LeadStatus, Page } from './types';

export const LEADS_PAGE_SIZE = 50;

export interface LeadFilters {
  status: LeadStatus | null;
  /** Only leads owned by the signed-in user. */
  mine: boolean;
}

/** One page of leads, newest first; pass the previous page's `nextCursor` to continue. */
export function fetchLeads(
  filters: LeadFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Lead>> {
  const query = new URLSearchParams({ limit: String(LEADS_PAGE_SIZE) });
  if (filters.status) query.set('status', filters.status);
  if (filters.mine) query.set('owner', 'me');
  if (cursor) query.set('cursor', cursor);
  return apiRequest<Page<Lead>>(`/leads?${query.toString()}`, { signal });
}

export function fetchLead(id: string, signal?: AbortSignal): Promise<Lead> {
  return apiRequest<Lead>(`/leads/${encodeURIComponent(id)}`, { signal });
}
