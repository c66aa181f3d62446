import { useCallback } from 'react';
import { fetchRecord, updateRecord, type RecordPath } from '../api/crmRecords';
import { useRemote, type Remote } from './useRemote';

export interface RecordState<T> extends Remote<T> {
  /** PATCHes what changed with the version read, and shows the saved copy; rejects with the API's error. */
  save: (changes: Record<string, unknown>) => Promise<void>;
}

/** One record, re-read when `revision` changes, and saved with optimistic locking. */
export function useRecord<T extends { id: string; version: number }>(
  path: RecordPath,
  id: string,
  revision?: unknown,
): RecordState<T> {
  const remote = useRemote<T>(`${path}:${id}`, (signal) => fetchRecord<T>(path, id, signal), {
    refresh: revision,
  });
  const { data, replace } = remote;
  const save = useCallback(
    async (changes: Record<string, unknown>) => {
      if (!data) return;
      replace(await updateRecord<T>(path, data.id, data.version, changes));
    },
    [path, data, replace],
  );
  return { ...remote, save };
}
