import type { RunView } from '../../api/runs';
import { RunStatusBadge } from './RunStatusBadge';

/** The open run at a glance: status, record, times, why it failed, and its Temporal history. */
export function RunSummary({ run, label }: { run: RunView; label: string | null }) {
  const current = run.trail.filter((v) => v.status === 'running').map((v) => v.stepId);
  return (
    <section className="run-summary" data-testid="run-summary" data-status={run.status}>
      <p className="run-summary__head">
        <RunStatusBadge status={run.status} />
        <span>
          v{run.version} on {label ?? `${run.record.type} ${run.record.id.slice(0, 8)}`}
        </span>
      </p>
      {run.status === 'running' && (
        <p className="observe__hint" role="status">
          Live: {current.length > 0 ? `now at ${current.join(', ')}` : 'between steps'}, refreshed every
          second.
        </p>
      )}
      <dl className="run-summary__facts">
        <dt>Started</dt>
        <dd>{new Date(run.startedAt).toLocaleString()}</dd>
        {run.finishedAt && (
          <>
            <dt>Finished</dt>
            <dd>{new Date(run.finishedAt).toLocaleString()}</dd>
          </>
        )}
        <dt>Run id</dt>
        <dd>
          <code>{run.id}</code>
        </dd>
      </dl>
      {run.error && (
        <p className="observe__error" role="alert">
          <code>{run.error.code}</code> at {run.error.stepId}: {run.error.message}
        </p>
      )}
      {run.temporalUiUrl && (
        <a className="run-summary__link" href={run.temporalUiUrl} target="_blank" rel="noreferrer">
          Open its history in Temporal ↗
        </a>
      )}
    </section>
  );
}
