import { apiRequest } from './client';
import type { Task, TaskPriority } from './types';

// What a record page logs about a record: activities, notes and tasks hang off it by (type, id).

export type RecordType = 'lead' | 'account' | 'contact' | 'opportunity' | 'quote' | 'subscription' | 'case';

export interface RecordLink {
  recordType: RecordType;
  recordId: string;
}

export interface ActivityKind {
  id: string;
  key: string;
  label: string;
  icon: string | null;
  active: boolean;
}

export interface ActivityInput {
  kind: string;
  subject: string;
  body?: string;
  occurredAt?: string;
  durationMinutes?: number;
}

export interface NoteInput {
  body: string;
  visibility: 'private' | 'shared';
  sharedWith?: string[];
}

export interface TaskInput {
  title: string;
  description?: string;
  dueAt: string;
  priority: TaskPriority;
  assigneeId?: string;
}

/** The kinds that can be logged now (call, meeting, email and any an admin added). */
export function fetchActivityKinds(signal?: AbortSignal): Promise<ActivityKind[]> {
  return apiRequest<ActivityKind[]>('/activity-kinds?active=true', { signal });
}

export function logActivity(link: RecordLink, input: ActivityInput): Promise<{ id: string }> {
  return apiRequest<{ id: string }>('/activities', { method: 'POST', body: { ...input, ...link } });
}

export function addNote(link: RecordLink, input: NoteInput): Promise<{ id: string }> {
  return apiRequest<{ id: string }>('/notes', { method: 'POST', body: { ...input, ...link } });
}

export function createTask(link: RecordLink, input: TaskInput): Promise<Task> {
  return apiRequest<Task>('/tasks', { method: 'POST', body: { ...input, ...link } });
}
