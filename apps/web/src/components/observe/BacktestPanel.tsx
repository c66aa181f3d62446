import { useMemo, useState } from 'react';
import { visitsFromPath, type StepTypeInfo } from '@baton/rule-builder-react';
import { MAX_BACKTEST_RECORDS, startBacktest } from '../../api/backtests';
import type { WorkflowView } from '../../api/workflows';
import { runningBacktestId, useBacktest } from '../../hooks/useBacktest';
import { useVersionDefinition } from '../../hooks/useVersionDefinition';
import { describeError } from '../../lib/describeError';
import { workflowPanelHref } from '../../lib/routes';
import { BacktestResults, type PickedPath } from './BacktestResults';
import { ObserveLayout, type Shown } from './ObserveLayout';

interface BacktestPanelProps {
  workflow: WorkflowView;
  stepTypes: readonly StepTypeInfo[];
  dirty: boolean;
  /** The backtest shown, from the address, so it survives switching views and can be shared. */
  backtestId: string | null;
}

/**
 * The latest saved version dry-run over the newest records of its trigger's entity, beside the
 * published version: how many would enter and which way they would go. A path clicked is lit.
 */
export function BacktestPanel({ workflow, stepTypes, dirty, backtestId }: BacktestPanelProps) {
  const latest = workflow.versions[0] ?? null;
  const [limit, setLimit] = useState(100);
  const progress = useBacktest(backtestId);
  const backtest = progress.data;
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const error = startError ?? progress.error;
  const [picked, setPicked] = useState<PickedPath | null>(null);
  const candidate = useVersionDefinition(workflow.id, backtest?.version ?? latest?.version ?? null);
  const compared = useVersionDefinition(workflow.id, backtest?.results.comparedWith?.version ?? null);
  const valid = Number.isInteger(limit) && limit >= 1 && limit <= MAX_BACKTEST_RECORDS;
  const running = backtest?.status === 'running';
  const percent = backtest
    ? backtest.total === 0
      ? 100
      : Math.round((backtest.done / backtest.total) * 100)
    : 0;

  async function start(version: number) {
    setStarting(true);
    setStartError(null);
    setPicked(null);
    try {
      const started = await startBacktest(workflow.id, version, limit);
      window.location.hash = workflowPanelHref(workflow.id, 'backtest', started.id);
    } catch (caught) {
      const running = runningBacktestId(caught);
      if (running) window.location.hash = workflowPanelHref(workflow.id, 'backtest', running);
      else setStartError(caught);
    } finally {
      setStarting(false);
    }
  }

  const tested = candidate.data;
  const published = compared.data;
  const shown = useMemo((): Shown | null => {
    // A path of the published version is drawn on its own canvas; the tested one's on the other.
    const onPublished =
      picked !== null && published?.version === picked.version && tested?.version !== picked.version;
    const version = onPublished ? published : tested;
    if (!version) return null;
    if (!picked || picked.version !== version.version) {
      return { definition: version.definition, visits: [], caption: 'Pick a path to light it' };
    }
    return {
      definition: version.definition,
      visits: visitsFromPath(picked.path),
      caption: `${picked.count} ${picked.count === 1 ? 'record' : 'records'} took this path in v${picked.version}`,
    };
  }, [picked, tested, published]);

  const side = (
    <div className="observe__form">
      <h2 className="observe__title">Backtest</h2>
      <p className="observe__hint">
        {latest === null
          ? 'Save the workflow to backtest it.'
          : `Dry-runs v${latest.version}${dirty ? ' (saved; your unsaved changes are not part of it)' : ''} on the newest ${workflow.entity} records and compares it with ${workflow.activeVersion ? `the published v${workflow.activeVersion.version}` : 'nothing (no version is published)'}. Nothing is written.`}
      </p>
      <form
        className="backtest-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (latest && valid) void start(latest.version);
        }}
      >
        <label className="field">
          <span className="field__label">Newest records to try (1–{MAX_BACKTEST_RECORDS})</span>
          <input
            className="field__input"
            type="number"
            min={1}
            max={MAX_BACKTEST_RECORDS}
            value={Number.isNaN(limit) ? '' : limit}
            onChange={(event) => setLimit(event.target.valueAsNumber)}
            aria-invalid={!valid}
            data-testid="backtest-limit"
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={!latest || !valid || starting || running}
          data-testid="backtest-start"
        >
          {running ? 'Backtesting…' : starting ? 'Starting…' : 'Run backtest'}
        </button>
      </form>
      {error !== null && (
        <p className="observe__error" role="alert">
          The backtest did not run: {describeError(error)}
        </p>
      )}
      {backtest && (
        <>
          <div className="backtest-progress">
            <div
              className="backtest-progress__bar"
              role="progressbar"
              aria-label="Backtest progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              data-testid="backtest-progress"
            >
              <span className="backtest-progress__fill" style={{ width: `${percent}%` }} />
            </div>
            <span className="backtest-progress__text" data-testid="backtest-progress-text">
              {backtest.status === 'failed'
                ? `Stopped after ${backtest.done} of ${backtest.total} records`
                : `${backtest.done} of ${backtest.total} records${running ? '' : ' · done'}`}
            </span>
          </div>
          {backtest.error && (
            <p className="observe__error" role="alert">
              <code>{backtest.error.code}</code> {backtest.error.message}
            </p>
          )}
          <BacktestResults
            backtest={backtest}
            candidate={tested?.definition ?? null}
            compared={published?.definition ?? null}
            stepTypes={stepTypes}
            picked={picked}
            onPick={setPicked}
          />
        </>
      )}
    </div>
  );

  return (
    <ObserveLayout
      side={side}
      shown={shown}
      placeholder={candidate.error ? describeError(candidate.error) : 'Opening the version…'}
      stepTypes={stepTypes}
      wideSide
    />
  );
}
