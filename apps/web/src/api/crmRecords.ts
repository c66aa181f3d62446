import { apiRequest } from './client';
import type { Page } from './types';

/** The API paths of the CRM records the web app lists and edits. */
export type RecordPath = 'accounts' | 'contacts' | 'opportunities' | 'subscriptions' | 'cases' | 'quotes';

export const RECORDS_PAGE_SIZE = 50;

/** Query parameters of a record list; empty values are left out. */
export type ListParams = Record<string, string | null | undefined>;

/** One page of records; pass the previous page's `nextCursor` to continue. */
export function fetchRecords<T>(
  path: RecordPath,
  params: ListParams,
  cursor: string | null,
  signal?: AbortSignal,
  limit = RECORDS_PAGE_SIZE,
): Promise<Page<T>> {
  const query = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (cursor) query.set('cursor', cursor);
  return apiRequest<Page<T>>(`/${path}?${query.toString()}`, { signal });
}

export function fetchRecord<T>(path: RecordPath, id: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(`/${path}/${encodeURIComponent(id)}`, { signal });
}

/** Changes some fields; `version` is the one read, so an edit over someone else's gets CONFLICT. */
export function updateRecord<T>(
  path: RecordPath,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<T> {
  return apiRequest<T>(`/${path}/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { ...changes, version },
  });
}
