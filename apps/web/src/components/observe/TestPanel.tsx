import { useMemo, useState } from 'react';
import { visitsFromTrail, type StepTypeInfo } from '@baton/rule-builder-react';
import type { RecordOption } from '../../api/records';
import { dryRunVersion, type AssumedApproval, type DryRunResult } from '../../api/runs';
import type { WorkflowView } from '../../api/workflows';
import { useVersionDefinition } from '../../hooks/useVersionDefinition';
import { describeError } from '../../lib/describeError';
import { ObserveLayout, type Shown } from './ObserveLayout';
import { RecordPicker } from './RecordPicker';

const APPROVALS: ReadonlyArray<{ value: AssumedApproval; label: string }> = [
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'timed_out', label: 'Nobody answers (timed out)' },
];

interface TestPanelProps {
  workflow: WorkflowView;
  stepTypes: readonly StepTypeInfo[];
  /** The editor holds changes not saved yet: they are not part of the test. */
  dirty: boolean;
}

/**
 * A dry run of the latest saved version on a chosen record: the path it would take lit on the
 * canvas, and what each step would do, with nothing written.
 */
export function TestPanel({ workflow, stepTypes, dirty }: TestPanelProps) {
  const latest = workflow.versions[0] ?? null;
  const version = useVersionDefinition(workflow.id, latest?.version ?? null);
  const definition = version.data?.definition ?? null;
  const [record, setRecord] = useState<RecordOption | null>(null);
  const [approvals, setApprovals] = useState<AssumedApproval>('approved');
  const [result, setResult] = useState<{ on: RecordOption; version: number; dryRun: DryRunResult } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const asksApproval = definition?.steps.some((s) => s.type === 'approval') ?? false;

  async function run() {
    if (!latest || !record) return;
    setBusy(true);
    setError(null);
    try {
      const dryRun = await dryRunVersion(workflow.id, latest.version, { recordId: record.id, approvals });
      setResult({ on: record, version: latest.version, dryRun });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const shown = useMemo((): Shown | null => {
    if (!definition) return null;
    if (!result || result.version !== latest?.version) {
      return {
        definition,
        visits: [],
        caption: `v${latest?.version ?? '?'}: pick a record and run the test`,
      };
    }
    return {
      definition,
      visits: visitsFromTrail(result.dryRun.steps),
      caption: `Dry run of v${result.version} on ${result.on.label}`,
    };
  }, [definition, result, latest?.version]);

  const side = (
    <div className="observe__form">
      <h2 className="observe__title">Test on a record</h2>
      <p className="observe__hint" data-testid="test-version-note">
        {latest === null
          ? 'Save the workflow to test it.'
          : dirty
            ? `Tests saved v${latest.version}; your unsaved changes are not part of it. Save them first to test them.`
            : `Tests v${latest.version} (${latest.status}), as it is in the editor.`}
      </p>
      <RecordPicker entity={workflow.entity} picked={record} onPick={setRecord} />
      {asksApproval && (
        <label className="field">
          <span className="field__label">Approvals are taken as</span>
          <select
            className="field__input"
            value={approvals}
            onChange={(event) => setApprovals(event.target.value as AssumedApproval)}
          >
            {APPROVALS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        className="button button--primary"
        onClick={() => void run()}
        disabled={!latest || !record || busy}
        data-testid="test-run"
      >
        {busy ? 'Running the test…' : record ? `Test on ${record.label}` : 'Pick a record to test'}
      </button>
      {error !== null && (
        <p className="observe__error" role="alert">
          The test did not run: {describeError(error)}
        </p>
      )}
      {result && (
        <p
          className={`observe__outcome observe__outcome--${result.dryRun.status}`}
          role="status"
          data-testid="test-outcome"
          data-status={result.dryRun.status}
        >
          {result.dryRun.status === 'completed'
            ? `Would take ${result.dryRun.path.length} ${result.dryRun.path.length === 1 ? 'step' : 'steps'}. Nothing was written.`
            : `Would fail at ${result.dryRun.error?.stepId ?? 'a step'}: ${result.dryRun.error?.message ?? ''} Nothing was written.`}
        </p>
      )}
    </div>
  );

  return (
    <ObserveLayout
      side={side}
      shown={shown}
      placeholder={version.error ? describeError(version.error) : 'Opening the version…'}
      stepTypes={stepTypes}
    />
  );
}
