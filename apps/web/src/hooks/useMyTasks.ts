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

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let controller: AbortController | null = null;

    async function load(): Promise<void> {
      controller = new AbortController();
      try {
        const page = await fetchMyOpenTasks(controller.signal);
        if (stopped) return;
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

  const reload = useCallback(() => {
    setError(null);
    setGeneration((n) => n + 1);
  }, []);

  return { tasks, hasMore, error, loadedAt, complete, reload };
}
