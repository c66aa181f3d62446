import { useEffect, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { fetchBacktest, type BacktestView } from '../api/backtests';
import { useRemote } from './useRemote';

const POLL_MS = 700;

/** A backtest, re-read while it runs and no more once it has finished. */
export function useBacktest(id: string | null) {
  const [finished, setFinished] = useState<string | null>(null);
  const progress = useRemote<BacktestView | null>(
    `backtest:${id ?? '-'}`,
    (signal) => (id === null ? Promise.resolve(null) : fetchBacktest(id, signal)),
    { pollMs: id !== null && finished !== id ? POLL_MS : undefined },
  );
  const over = progress.data !== null && progress.data.status !== 'running';
  useEffect(() => {
    if (over && id !== null) setFinished(id);
  }, [over, id]);
  return progress;
}

/** The backtest of the same version someone (or another tab) already runs: follow it instead. */
export function runningBacktestId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const id = (error.details as { backtestId?: unknown } | null)?.backtestId;
  return typeof id === 'string' ? id : null;
}
