import { useEffect, useState } from 'react';
import { fetchRun, type RunView } from '../api/runs';
import { useRemote } from './useRemote';

// The trail of a running run is read from the workflow itself, so a second is as fresh as it gets.
const LIVE_POLL_MS = 1000;

/** A run, re-read every second while it is running and no more once it has finished. */
export function useLiveRun(runId: string | null) {
  const [finished, setFinished] = useState<string | null>(null);
  const run = useRemote<RunView | null>(
    `run:${runId ?? '-'}`,
    (signal) => (runId === null ? Promise.resolve(null) : fetchRun(runId, signal)),
    { pollMs: runId !== null && finished !== runId ? LIVE_POLL_MS : undefined },
  );
  const over = run.data !== null && run.data.status !== 'running';
  useEffect(() => {
    if (over && runId !== null) setFinished(runId);
  }, [over, runId]);
  return run;
}
