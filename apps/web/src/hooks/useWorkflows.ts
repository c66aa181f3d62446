import { useCallback, useEffect, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { fetchWorkflows, type WorkflowView } from '../api/workflows';

export interface Workflows {
  /** null until the list has loaded. */
  workflows: WorkflowView[] | null;
  error: unknown;
  reload: () => void;
}

/** Every workflow with its versions, triggers, owner and recent runs, in one request. */
export function useWorkflows(): Workflows {
  const [workflows, setWorkflows] = useState<WorkflowView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    fetchWorkflows(signal).then(
      ({ items }) => {
        setWorkflows(items);
        setError(null);
      },
      (caught: unknown) => {
        if (signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
        setError(caught);
      },
    );
    return () => controller.abort();
  }, [generation]);

  const reload = useCallback(() => {
    setError(null);
    setWorkflows(null);
    setGeneration((n) => n + 1);
  }, []);

  return { workflows, error, reload };
}
