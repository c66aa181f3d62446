import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { fetchLeads, type LeadFilters } from '../api/leads';
import type { Lead } from '../api/types';

export interface Leads {
  /** null until the first page for the current filters has loaded. */
  leads: Lead[] | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** The first page failed; cleared by reload or a filter change. */
  error: unknown;
  /** The last "load more" failed; the rows already shown stay. */
  moreError: unknown;
  loadMore: () => void;
  reload: () => void;
}

/** Leads matching `filters`, newest first, one page at a time; changing the filters starts over. */
export function useLeads({ status, mine }: LeadFilters): Leads {
  const [leads, setLeads] = useState<Lead[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [generation, setGeneration] = useState(0);
  const moreRequest = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    // A page of the old filters must not be appended to the new list.
    moreRequest.current?.abort();
    moreRequest.current = null;
    setLeads(null);
    setNextCursor(null);
    setError(null);
    setMoreError(null);
    setLoadingMore(false);

    fetchLeads({ status, mine }, null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setLeads(page.items);
        setNextCursor(page.nextCursor);
      },
      (caught: unknown) => {
        if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
        setError(caught);
      },
    );
    return () => controller.abort();
  }, [status, mine, generation]);

  useEffect(() => () => moreRequest.current?.abort(), []);

  const loadMore = useCallback(() => {
    if (nextCursor === null || moreRequest.current) return;
    const controller = new AbortController();
    moreRequest.current = controller;
    setLoadingMore(true);
    setMoreError(null);

    fetchLeads({ status, mine }, nextCursor, controller.signal)
      .then(
        (page) => {
          if (controller.signal.aborted) return;
          setLeads((current) => appendNew(current ?? [], page.items));
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
  }, [status, mine, nextCursor]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  return { leads, hasMore: nextCursor !== null, loadingMore, error, moreError, loadMore, reload };
}

function appendNew(current: Lead[], more: Lead[]): Lead[] {
  const seen = new Set(current.map((lead) => lead.id));
  return [...current, ...more.filter((lead) => !seen.has(lead.id))];
}
