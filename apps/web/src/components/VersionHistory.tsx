import { useMemo, useState } from 'react';
import type { WorkflowDefinition } from '@baton/contracts';
import { describeDiff, VersionDiffCanvas, type StepTypeInfo } from '@baton/rule-builder-react';
import { fetchVersionHistory, restoreWorkflowVersion, type WorkflowView } from '../api/workflows';
import { useRemote } from '../hooks/useRemote';
import { useVersionComparison } from '../hooks/useVersionComparison';
import { describeError } from '../lib/describeError';
import { previousVersion } from '../lib/describeVersion';
import { RestoreVersionForm } from './RestoreVersionForm';
import { VersionChanges } from './VersionChanges';
import { VersionList } from './VersionList';
import './VersionHistory.css';

export interface RestoredVersion {
  workflow: WorkflowView;
  /** The restored copy's number, the version it copies, and that version's definition. */
  version: number;
  from: number;
  definition: WorkflowDefinition;
  published: boolean;
}

interface VersionHistoryProps {
  workflow: WorkflowView;
  stepTypes: readonly StepTypeInfo[];
  /** Why restoring is not possible now (e.g. unsaved changes), or null. */
  restoreBlocked: string | null;
  onRestored: (restored: RestoredVersion) => void;
}

/**
 * The history drawer of the editor: versions on the left, the chosen one on a read-only canvas
 * with its changes marked, and those changes in words with a way to restore it on the right.
 */
export function VersionHistory({ workflow, stepTypes, restoreBlocked, onRestored }: VersionHistoryProps) {
  const history = useRemote(`history:${workflow.id}`, (signal) => fetchVersionHistory(workflow.id, signal));
  const items = history.data?.items ?? [];
  const [picked, setPicked] = useState<{ version: number; base: number | null } | null>(null);
  const newest = items[0]?.version ?? null;
  const viewing = picked?.version ?? newest;
  const base = picked ? picked.base : newest === null ? null : previousVersion(items, newest);
  const comparison = useVersionComparison(workflow.id, viewing, base);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<unknown>(null);

  const shown = comparison.data;
  const lines = useMemo(
    () =>
      shown?.diff && shown.from
        ? describeDiff(shown.diff, { before: shown.from.definition, after: shown.to.definition, stepTypes })
        : null,
    [shown, stepTypes],
  );

  async function restore(options: { publish: boolean; note?: string }) {
    if (!shown) return;
    setRestoring(true);
    setRestoreError(null);
    try {
      const view = await restoreWorkflowVersion(workflow.id, shown.to.version, options);
      onRestored({
        workflow: view,
        version: view.versions[0]?.version ?? shown.to.version,
        from: shown.to.version,
        definition: shown.to.definition,
        published: options.publish,
      });
    } catch (caught) {
      setRestoreError(caught);
      setRestoring(false);
    }
  }

  if (history.error !== null && !history.data) {
    return (
      <section className="version-history version-history--state" role="alert">
        <p>The history could not be loaded: {describeError(history.error)}</p>
        <button type="button" className="button" onClick={history.reload}>
          Try again
        </button>
      </section>
    );
  }

  return (
    <section className="version-history" aria-label="Version history" data-testid="version-history">
      <aside className="version-history__versions">
        <h2 className="version-history__title">History</h2>
        {history.data ? (
          <VersionList
            items={items}
            selected={viewing}
            onSelect={(version) => setPicked({ version, base: previousVersion(items, version) })}
          />
        ) : (
          <p className="version-history__empty" role="status">
            Loading versions…
          </p>
        )}
      </aside>
      <div className="version-history__canvas">
        {shown ? (
          <VersionDiffCanvas
            definition={shown.to.definition}
            {...(shown.from ? { base: shown.from.definition } : {})}
            {...(shown.diff ? { diff: shown.diff } : {})}
            stepTypes={stepTypes}
          />
        ) : (
          <p className="version-history__empty" role="status">
            {comparison.error ? describeError(comparison.error) : 'Opening the version…'}
          </p>
        )}
      </div>
      <aside className="version-history__changes">
        {viewing !== null && (
          <>
            <h2 className="version-history__title">
              Changes in v{viewing}
              {base !== null && <span className="version-history__subtitle"> since v{base}</span>}
            </h2>
            <VersionChanges
              version={viewing}
              base={base}
              choices={items.map((v) => v.version).filter((v) => v !== viewing)}
              onBaseChange={(next) => setPicked({ version: viewing, base: next })}
              lines={shown?.to.version === viewing && (shown.from?.version ?? null) === base ? lines : null}
            />
            {viewing !== newest && shown?.to.version === viewing && (
              <RestoreVersionForm
                key={viewing}
                version={viewing}
                next={(newest ?? 0) + 1}
                busy={restoring}
                blocked={restoreBlocked}
                onRestore={(options) => void restore(options)}
              />
            )}
            {restoreError !== null && (
              <p className="version-history__error" role="alert">
                The version could not be restored: {describeError(restoreError)}
              </p>
            )}
          </>
        )}
      </aside>
    </section>
  );
}
