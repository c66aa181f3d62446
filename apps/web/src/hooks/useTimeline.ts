import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { fetchTimeline, type TimelineItem, type TimelinePath } from '../api/timeline';
import { mergeTimeline } from '../lib/mergeTimeline';

export interface Timeline {
  /** null until the newest page has loaded. */
  items: TimelineItem[] | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  error: unknown;
  olderError: unknown;
  loadOlder: () => void;
  /** Re-reads the newest page and merges it in, keeping older pages already shown. */
  refresh: () => Promise<void>;
  reload: () => void;
}

/** A record's timeline: the newest page first, older pages on demand, new entries merged on refresh. */
export function useTimeline(path: TimelinePath, id: string, revision?: unknown): Timeline {
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [olderError, setOlderError] = useState<unknown>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [generation, setGeneration] = useState(0);
  const olderRequest = useRef<AbortController | null>(null);
  // The current load's controller: a refresh after the record changed (or the page left) is dropped.
  const alive = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    alive.current = controller;
    olderRequest.current?.abort();
    olderRequest.current = null;
    setItems(null);
    setCursor(null);
    setError(null);
    setOlderError(null);
    setLoadingOlder(false);
    fetchTimeline(path, id, null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      },
      (caught: unknown) => {
        if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
        setError(caught);
      },
    );
    return () => controller.abort();
  }, [path, id, generation]);

  const refresh = useCallback(async () => {
    const controller = alive.current;
    if (!controller) return;
    try {
      const page = await fetchTimeline(path, id, null, controller.signal);
      if (controller.signal.aborted) return;
      setItems((shown) => mergeTimeline(page.items, shown ?? []));
      // The cursor already held continues after the oldest entry shown; keep it.
      setCursor((held) => held ?? page.nextCursor);
      setError(null);
    } catch (caught) {
      if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
      setError(caught);
    }
  }, [path, id]);

  // A notification (a workflow made a task, someone shared a note) may be about this record.
  const firstRevision = useRef(revision);
  useEffect(() => {
    if (revision !== firstRevision.current) void refresh();
  }, [revision, refresh]);

  useEffect(() => () => olderRequest.current?.abort(), []);

  const loadOlder = useCallback(() => {
    if (cursor === null || olderRequest.current) return;
    const controller = new AbortController();
    olderRequest.current = controller;
    setLoadingOlder(true);
    setOlderError(null);
    fetchTimeline(path, id, cursor, controller.signal)
      .then(
        (page) => {
          if (controller.signal.aborted) return;
          setItems((shown) => mergeTimeline(shown ?? [], page.items));
          setCursor(page.nextCursor);
        },
        (caught: unknown) => {
          if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
          setOlderError(caught);
        },
      )
      .finally(() => {
        if (olderRequest.current !== controller) return;
        olderRequest.current = null;
        setLoadingOlder(false);
      });
  }, [path, id, cursor]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  return { items, hasOlder: cursor !== null, loadingOlder, error, olderError, loadOlder, refresh, reload };
}
