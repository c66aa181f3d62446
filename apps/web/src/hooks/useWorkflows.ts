import { useCallback, useEffect, useState } from 'react';
import type { WorkflowDefinition } from '@baton/contracts';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { fetchWorkflowVersion, fetchWorkflows, type WorkflowView } from '../api/workflows';

export interface Workflows {
  /** null until the list has loaded. */
  workflows: WorkflowView[] | null;
  /** The definition each row summarises (the published version, else the latest), as they arrive. */
  definitions: ReadonlyMap<string, WorkflowDefinition>;
  error: unknown;
  reload: () => void;
}

/** Every workflow with its versions; the trigger summaries load after the list, one request per row. */
export function useWorkflows(): Workflows {
  const [workflows, setWorkflows] = useState<WorkflowView[] | null>(null);
  const [definitions, setDefinitions] = useState<ReadonlyMap<string, WorkflowDefinition>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      try {
        const { items } = await fetchWorkflows(signal);
        setWorkflows(items);
        setError(null);
        await Promise.all(
          items.map(async (workflow) => {
            const shown = workflow.activeVersion ?? workflow.versions[0];
            if (!shown) return;
            try {
              const detail = await fetchWorkflowVersion(workflow.id, shown.version, signal);
              setDefinitions((previous) => new Map(previous).set(workflow.id, detail.definition));
            } catch {
              // The row then shows the record type alone; the list itself is still right.
            }
          }),
        );
      } catch (caught) {
        if (signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
        setError(caught);
      }
    })();
    return () => controller.abort();
  }, [generation]);

  const reload = useCallback(() => {
    setError(null);
    setWorkflows(null);
    setGeneration((n) => n + 1);
  }, []);

  return { workflows, definitions, error, reload };
}
