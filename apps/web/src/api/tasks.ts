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

/** Pushes your own open task to `until` (an ISO instant in the future). */
export function snoozeTask(id: string, until: string): Promise<Task> {
  return apiRequest<Task>(`/tasks/${encodeURIComponent(id)}/snooze`, { method: 'POST', body: { until } });
}

export interface ReassignRequestInput {
  reason: string;
  suggestedAssigneeId?: string;
}

/** Asks your manager to give your task to someone else; a second ask while one is pending is 409 REASSIGN_ALREADY_REQUESTED. */
export function requestTaskReassignment(id: string, input: ReassignRequestInput): Promise<Task> {
  return apiRequest<Task>(`/tasks/${encodeURIComponent(id)}/reassign-request`, {
    method: 'POST',
    body: input,
  });
}

/** Hands a report's open task to someone else (managers above the assignee, and admins). */
export function reassignTask(id: string, assigneeId: string): Promise<Task> {
  return apiRequest<Task>(`/tasks/${encodeURIComponent(id)}/reassign`, {
    method: 'POST',
    body: { assigneeId },
  });
}
