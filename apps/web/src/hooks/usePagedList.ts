import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import type { Page } from '../api/types';

export interface PagedList<T> {
  /** null until the first page for the current key has loaded. */
  items: T[] | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** The first page failed; cleared by reload or a new key. */
  error: unknown;
  /** The last "load more" failed; the rows already shown stay. */
  moreError: unknown;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A keyset-paginated list, one page at a time. `key` names the query (filters included): a new key
 * starts over, and a page of the old query is never appended to the new one.
 */
export function usePagedList<T extends { id: string }>(
  key: string,
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
): PagedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);
  const moreRequest = useRef<AbortController | null>(null);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    moreRequest.current?.abort();
    moreRequest.current = null;
    setItems(null);
    setNextCursor(null);
    setError(null);
    setMoreError(null);
    setLoadingMore(false);
    loader.current(null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      },
      (caught: unknown) => {
        if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
        setError(caught);
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  useEffect(() => () => moreRequest.current?.abort(), []);

  const loadMore = useCallback(() => {
    if (nextCursor === null || moreRequest.current) return;
    const controller = new AbortController();
    moreRequest.current = controller;
    setLoadingMore(true);
    setMoreError(null);
    loader
      .current(nextCursor, controller.signal)
      .then(
        (page) => {
          if (controller.signal.aborted) return;
          setItems((current) => appendNew(current ?? [], page.items));
          setNextCursor(page.nextCursor);
        },
        (caught: unknown) => {
          if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
          setMoreError(caught);
        },
      )
      .finally(() => {
        if (moreRequest.current !== controller) return;
        moreRequest.current = null;
        setLoadingMore(false);
      });
  }, [nextCursor]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  return { items, hasMore: nextCursor !== null, loadingMore, error, moreError, loadMore, reload };
}

export function appendNew<T extends { id: string }>(current: T[], more: T[]): T[] {
  const seen = new Set(current.map((item) => item.id));
  return [...current, ...more.filter((item) => !seen.has(item.id))];
}
