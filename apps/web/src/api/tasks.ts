import { apiRequest } from './client';
import type { Page, Task } from './types';

export const MY_TASKS_LIMIT = 50;

export function fetchMyOpenTasks(signal?: AbortSignal): Promise<Page<Task>> {
  const query = new URLSearchParams({ assignee: 'me', status: 'open', limit: String(MY_TASKS_LIMIT) });
  return apiRequest<Page<Task>>(`/tasks?${query.toString()}`, { signal });
}

export function completeTask(id: string): Promise<Task> {
  return apiRequest<Task>(`/tasks/${encodeURIComponent(id)}/complete`, { method: 'POST' });
}

/** Someone else's open tasks, soonest due first (managers and admins only). */
export function fetchOpenTasksOf(assigneeId: string, signal?: AbortSignal): Promise<Page<Task>> {
  const query = new URLSearchParams({ assignee: assigneeId, status: 'open', limit: '200' });
  return apiRequest<Page<Task>>(`/tasks?${query.toString()}`, { signal });
}
