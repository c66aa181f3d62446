import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { completeTask, fetchMyOpenTasks } from '../api/tasks';
import type { Task } from '../api/types';

export interface MyTasks {
  /** null until the first successful load. */
  tasks: Task[] | null;
  hasMore: boolean;
  /** The last failed load; cleared by the next successful one. */
  error: unknown;
  loadedAt: Date | null;
  complete: (id: string) => Promise<Task>;
  /** Adopts the server's answer to a change (a snooze, a reassignment request) without a reload. */
  replace: (task: Task) => void;
  reload: () => void;
}

/** The signed-in user's open tasks, re-fetched every `pollMs` (the next poll starts after the last one ends). */
export function useMyTasks(pollMs: number): MyTasks {
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const [generation, setGeneration] = useState(0);
  const completedIds = useRef(new Set<string>());
  // A poll that started before a local change would bring the old task back for a moment.
  const changedAt = useRef(0);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let controller: AbortController | null = null;

    async function load(): Promise<void> {
      controller = new AbortController();
      const startedAt = Date.now();
      try {
        const page = await fetchMyOpenTasks(controller.signal);
        if (stopped || startedAt <= changedAt.current) return;
        setTasks(page.items.filter((task) => task.status === 'open' && !completedIds.current.has(task.id)));
        setHasMore(page.nextCursor !== null);
        setError(null);
        setLoadedAt(new Date());
      } catch (caught) {
        if (stopped || isAbort(caught) || isSessionEnded(caught)) return;
        setError(caught);
      } finally {
        if (!stopped) timer = window.setTimeout(() => void load(), pollMs);
      }
    }

    void load();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      controller?.abort();
    };
  }, [pollMs, generation]);

  const complete = useCallback(async (id: string) => {
    const task = await completeTask(id);
    completedIds.current.add(id);
    setTasks((current) => current?.filter((item) => item.id !== id) ?? null);
    return task;
  }, []);

  const replace = useCallback((task: Task) => {
    changedAt.current = Date.now();
    setTasks(
      (current) =>
        current?.flatMap((item) => (item.id !== task.id ? [item] : task.status === 'open' ? [task] : [])) ??
        null,
    );
  }, []);

  const reload = useCallback(() => {
    setError(null);
    setGeneration((n) => n + 1);
  }, []);

  return { tasks, hasMore, error, loadedAt, complete, replace, reload };
}
