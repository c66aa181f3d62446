/**
 * An undo/redo stack over immutable snapshots. `commit` records a change; `preview` shows a change
 * without recording it (a node being dragged), and the next `commit` records everything since the
 * last committed state as one step. Commits sharing a `coalesceKey` in a row (typing into one field)
 * also merge into one step.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The last committed state while previews are shown, else undefined. */
  readonly base?: T;
  readonly coalesceKey?: string;
}

/** How many steps back undo can go. */
export const HISTORY_LIMIT = 100;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function commit<T>(history: History<T>, next: T, coalesceKey?: string): History<T> {
  const committed = history.base ?? history.present;
  if (next === committed) {
    return history.base === undefined
      ? history
      : { past: history.past, present: next, future: history.future };
  }
  const merge =
    coalesceKey !== undefined && coalesceKey === history.coalesceKey && history.base === undefined;
  const past = merge ? history.past : [...history.past, committed].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], ...(coalesceKey === undefined ? {} : { coalesceKey }) };
}

export function preview<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next, base: history.base ?? history.present, coalesceKey: undefined };
}

export function undo<T>(history: History<T>): History<T> {
  const settled = settle(history);
  const previous = settled.past[settled.past.length - 1];
  if (previous === undefined) return settled;
  return { past: settled.past.slice(0, -1), present: previous, future: [settled.present, ...settled.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const settled = settle(history);
  const [next, ...future] = settled.future;
  if (next === undefined) return settled;
  return { past: [...settled.past, settled.present], present: next, future };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0 || history.base !== undefined;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

// Undo in the middle of a preview first records it, so the preview is what gets undone.
function settle<T>(history: History<T>): History<T> {
  return history.base === undefined ? history : commit(history, history.present);
}
