import { useEffect, useState } from 'react';
import { fetchRecordOption } from '../api/records';

type Ref = { type: string; id: string };

/** Names of records listed by reference (a run's record), loaded once each; the id until then. */
export function useRecordLabels(refs: readonly Ref[]): ReadonlyMap<string, string> {
  const [labels, setLabels] = useState<ReadonlyMap<string, string>>(new Map());
  const missing = [...new Map(refs.filter((r) => !labels.has(r.id)).map((r) => [r.id, r])).values()];
  const wanted = missing.map((r) => `${r.type}:${r.id}`).join(',');

  useEffect(() => {
    if (wanted === '') return;
    const controller = new AbortController();
    const refsToLoad = wanted.split(',').map((key) => {
      const [type = '', id = ''] = key.split(':');
      return { type, id };
    });
    void Promise.all(
      refsToLoad.map(async ({ type, id }) => {
        try {
          return [id, (await fetchRecordOption(type, id, controller.signal)).label] as const;
        } catch {
          // Deleted or not readable: the run still shows, under its record's id.
          return [id, `${type} ${id.slice(0, 8)}`] as const;
        }
      }),
    ).then((loaded) => {
      if (!controller.signal.aborted) setLabels((previous) => new Map([...previous, ...loaded]));
    });
    return () => controller.abort();
  }, [wanted]);

  return labels;
}
