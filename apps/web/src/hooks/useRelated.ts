import { fetchRecords, type ListParams, type RecordPath } from '../api/crmRecords';
import type { RelatedRows, RelatedRow } from '../components/RelatedList';
import { useRemote } from './useRemote';

// A record page shows the first few related records; their own lists hold the rest.
const RELATED_LIMIT = 10;

/** The first records of `path` matching `params` (e.g. an account's opportunities), as rows. */
export function useRelated<T>(
  path: RecordPath,
  params: ListParams,
  toRow: (record: T) => RelatedRow,
  refresh?: unknown,
): RelatedRows {
  const key = `${path}:${JSON.stringify(params)}`;
  const remote = useRemote(key, (signal) => fetchRecords<T>(path, params, null, signal, RELATED_LIMIT), {
    refresh,
  });
  const data = remote.data && { items: remote.data.items.map(toRow), nextCursor: remote.data.nextCursor };
  return { data, error: remote.error, reload: remote.reload };
}
