import type { ChartState } from './ChartCard';

/** Loading until the first answer, failed while there is nothing to show, empty when `isEmpty`. */
export function panelState<T>(
  data: T | null,
  error: unknown,
  isEmpty: (data: T) => boolean,
  emptyText: string,
): ChartState | undefined {
  if (data === null) return error ? { kind: 'error', error } : { kind: 'loading' };
  return isEmpty(data) ? { kind: 'empty', text: emptyText } : undefined;
}

export interface PanelProps<T> {
  data: T | null;
  error: unknown;
  onRetry: () => void;
}
