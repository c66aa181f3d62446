import { useCallback, useState } from 'react';
import {
  createWorkflow,
  fetchWorkflowVersion,
  setWorkflowArchived,
  type WorkflowView,
} from '../api/workflows';
import { workflowHref } from '../lib/routes';

const MAX_KEY = 64;
const MAX_NAME = 200;

/** `base`, or `base-2`, `base-3`… whichever no workflow has yet (keys are at most 64 characters). */
export function freeKey(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, MAX_KEY - 4);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

export interface WorkflowActions {
  busyId: string | null;
  error: unknown;
  notice: string | null;
  duplicate: (workflow: WorkflowView) => void;
  archive: (workflow: WorkflowView, archived: boolean) => void;
}

/** Duplicating (a new workflow from the latest version, opened in the editor) and archiving. */
export function useWorkflowActions(taken: ReadonlySet<string>, reload: () => void): WorkflowActions {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = useCallback(async (workflow: WorkflowView, action: () => Promise<void>) => {
    setBusyId(workflow.id);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyId(null);
    }
  }, []);

  const duplicate = useCallback(
    (workflow: WorkflowView) =>
      void run(workflow, async () => {
        const latest = workflow.versions[0];
        if (!latest) throw new Error('Nothing of this workflow is saved yet');
        const { definition } = await fetchWorkflowVersion(workflow.id, latest.version);
        const copy = await createWorkflow({
          ...definition,
          key: freeKey(`${workflow.key}-copy`, taken),
          name: `${workflow.name} (copy)`.slice(0, MAX_NAME),
        });
        window.location.hash = workflowHref(copy.id);
      }),
    [run, taken],
  );

  const archive = useCallback(
    (workflow: WorkflowView, archived: boolean) =>
      void run(workflow, async () => {
        await setWorkflowArchived(workflow.id, archived);
        setNotice(
          archived
            ? `Archived “${workflow.name}”: it starts no new runs; running ones finish`
            : `Restored “${workflow.name}”: its live version triggers again`,
        );
        reload();
      }),
    [run, reload],
  );

  return { busyId, error, notice, duplicate, archive };
}
