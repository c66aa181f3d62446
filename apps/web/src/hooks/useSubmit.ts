import { useCallback, useState } from 'react';

export interface Submit {
  busy: boolean;
  error: unknown;
  /** Runs `action` once at a time; a failure is kept in `error` for the form to show. */
  run: (action: () => Promise<void>) => Promise<void>;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
