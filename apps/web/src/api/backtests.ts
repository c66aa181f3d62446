import { apiRequest } from './client';

export interface BacktestSide {
  version: number;
  entered: number;
  notEntered: number;
  failed: number;
  byPath: Array<{ path: string[]; count: number }>;
}

export interface BacktestView {
  id: string;
  workflowId: string;
  version: number;
  entity: string;
  status: 'running' | 'completed' | 'failed';
  done: number;
  total: number;
  results: BacktestSide & { comparedWith: BacktestSide | null };
  error: { code: string; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
}

export const MAX_BACKTEST_RECORDS = 500;

/** Starts a backtest of a version over the newest `limit` records of its trigger's entity. */
export function startBacktest(workflowId: string, version: number, limit: number): Promise<BacktestView> {
  return apiRequest<BacktestView>(
    `/workflows/${encodeURIComponent(workflowId)}/versions/${version}/backtest`,
    { method: 'POST', body: { limit } },
  );
}

export function fetchBacktest(id: string, signal?: AbortSignal): Promise<BacktestView> {
  return apiRequest<BacktestView>(`/backtests/${encodeURIComponent(id)}`, { signal });
}
