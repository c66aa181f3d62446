import { useMemo } from 'react';
import { visitsFromTrail, type StepTypeInfo } from '@baton/rule-builder-react';
import { fetchRuns, type RunView } from '../../api/runs';
import type { WorkflowView } from '../../api/workflows';
import { useLiveRun } from '../../hooks/useLiveRun';
import { useNow } from '../../hooks/useNow';
import { useRecordLabels } from '../../hooks/useRecordLabels';
import { useRemote } from '../../hooks/useRemote';
import { useVersionDefinition } from '../../hooks/useVersionDefinition';
import { formatAgo } from '../../lib/ago';
import { describeError } from '../../lib/describeError';
import { workflowPanelHref } from '../../lib/routes';
import { ObserveLayout, type Shown } from './ObserveLayout';
import { RunStatusBadge } from './RunStatusBadge';
import { RunSummary } from './RunSummary';

// New runs show up in the list without a reload; the open run has its own, faster refresh.
const LIST_POLL_MS = 5000;

interface RunsPanelProps {
  workflow: WorkflowView;
  stepTypes: readonly StepTypeInfo[];
  runId: string | null;
}

/** The workflow's newest runs; an open run drawn on its version's canvas, live while it runs. */
export function RunsPanel({ workflow, stepTypes, runId }: RunsPanelProps) {
  const runs = useRemote(`runs:${workflow.id}`, (signal) => fetchRuns(workflow.id, signal), {
    pollMs: LIST_POLL_MS,
  });
  const run = useLiveRun(runId);
  const open = run.data;
  const version = useVersionDefinition(workflow.id, open?.version ?? null);
  const items = useMemo(() => runs.data?.items ?? [], [runs.data]);
  const labels = useRecordLabels(
    useMemo(() => [...items.map((r) => r.record), ...(open ? [open.record] : [])], [items, open]),
  );
  const now = useNow(30_000);

  const shown = useMemo((): Shown | null => {
    const definition = version.data?.definition;
    if (!open || !definition || version.data?.version !== open.version) return null;
    return {
      definition,
      visits: visitsFromTrail(open.trail),
      caption: `Run on ${labels.get(open.record.id) ?? open.record.type} · v${open.version}`,
    };
  }, [open, version.data, labels]);

  const side = (
    <div className="observe__form">
      <h2 className="observe__title">Recent runs</h2>
      {runs.error !== null && !runs.data && (
        <p className="observe__error" role="alert">
          The runs could not be loaded: {describeError(runs.error)}
        </p>
      )}
      {runs.data && items.length === 0 && <p className="observe__hint">No runs yet.</p>}
      <ul className="run-list" data-testid="run-list">
        {items.map((item) => (
          <RunItem
            key={item.id}
            run={item}
            label={labels.get(item.record.id) ?? `${item.record.type} ${item.record.id.slice(0, 8)}`}
            open={item.id === runId}
            href={workflowPanelHref(workflow.id, 'runs', item.id)}
            now={now}
          />
        ))}
      </ul>
    </div>
  );

  const placeholder =
    runId === null
      ? 'Open a run to see its path.'
      : (run.error ?? version.error)
        ? describeError(run.error ?? version.error)
        : 'Opening the run…';

  return (
    <ObserveLayout
      side={side}
      summary={open ? <RunSummary run={open} label={labels.get(open.record.id) ?? null} /> : null}
      shown={shown}
      placeholder={placeholder}
      stepTypes={stepTypes}
    />
  );
}

function RunItem({
  run,
  label,
  open,
  href,
  now,
}: {
  run: RunView;
  label: string;
  open: boolean;
  href: string;
  now: Date;
}) {
  return (
    <li>
      <a
        className={`run-list__item${open ? ' run-list__item--open' : ''}`}
        href={href}
        aria-current={open ? 'true' : undefined}
        data-testid="run-item"
        data-run-id={run.id}
        data-status={run.status}
      >
        <span className="run-list__head">
          <RunStatusBadge status={run.status} />
          <span className="run-list__version">v{run.version}</span>
        </span>
        <span className="run-list__record">{label}</span>
        <time className="run-list__when" dateTime={run.startedAt}>
          Started {formatAgo(new Date(run.startedAt), now)}
        </time>
      </a>
    </li>
  );
}
