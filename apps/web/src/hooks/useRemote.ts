import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';

export interface Remote<T> {
  /** null until the first load for this key; kept (stale) while a later load runs or fails. */
  data: T | null;
  error: unknown;
  reload: () => void;
  /** Adopts a fresher copy the caller already has (the answer to a save). */
  replace: (data: T) => void;
}

interface Options {
  /** Any change re-reads without clearing what is shown (a live event, a related save). */
  refresh?: unknown;
  /** Re-read this often while mounted; the next read starts after the last one ends. */
  pollMs?: number;
}

/** Data read from the API for `key`; a new key starts empty, so one record never shows another's data. */
export function useRemote<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  { refresh, pollMs }: Options = {},
): Remote<T> {
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown }>({
    key,
    data: null,
    error: null,
  });
  const [generation, setGeneration] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let controller: AbortController | null = null;

    async function run(): Promise<void> {
      controller = new AbortController();
      try {
        const data = await loader.current(controller.signal);
        if (!stopped) setState({ key, data, error: null });
      } catch (caught) {
        if (stopped || isAbort(caught) || isSessionEnded(caught)) return;
        setState((previous) => ({ key, data: previous.key === key ? previous.data : null, error: caught }));
      } finally {
        if (!stopped && pollMs) timer = window.setTimeout(() => void run(), pollMs);
      }
    }

    void run();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      controller?.abort();
    };
  }, [key, refresh, generation, pollMs]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ key, data, error: null }), [key]);

  return state.key === key
    ? { data: state.data, error: state.error, reload, replace }
    : { data: null, error: null, reload, replace };
}
