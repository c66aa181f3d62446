import { apiRequest } from './client';
import type { User } from './types';

export type SegmentEntity = 'contact' | 'lead';

/** `sql`: counted in the database; `scan`: evaluated record by record (slower on big tables). */
export type SegmentStrategy = 'sql' | 'scan';

export interface Segment {
  id: string;
  name: string;
  entity: SegmentEntity;
  rule: unknown;
  description: string | null;
  owner: { id: string; name: string } | null;
  memberCount: number;
  strategy: SegmentStrategy;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  version: number;
}

/** A matching record: its label and the fields a condition sees on it. */
export interface SegmentMember {
  id: string;
  label: string;
  fields: Record<string, unknown>;
}

export interface SegmentPreview {
  count: number;
  sample: SegmentMember[];
  strategy: SegmentStrategy;
}

export interface SegmentInput {
  name: string;
  entity: SegmentEntity;
  rule: unknown;
  description?: string;
}

export interface SegmentChange {
  version: number;
  name?: string;
  rule?: unknown;
  description?: string | null;
}

/** Admins and managers draw segments; the API refuses everyone else, so the screens do not offer it. */
export function maySaveSegments(user: User): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

export async function listSegments(signal?: AbortSignal): Promise<Segment[]> {
  return (await apiRequest<{ items: Segment[] }>('/segments', { signal })).items;
}

export function getSegment(id: string, signal?: AbortSignal): Promise<Segment> {
  return apiRequest<Segment>(`/segments/${encodeURIComponent(id)}`, { signal });
}

export function createSegment(input: SegmentInput): Promise<Segment> {
  return apiRequest<Segment>('/segments', { method: 'POST', body: input });
}

export function updateSegment(id: string, change: SegmentChange): Promise<Segment> {
  return apiRequest<Segment>(`/segments/${encodeURIComponent(id)}`, { method: 'PATCH', body: change });
}

export function archiveSegment(id: string): Promise<Segment> {
  return apiRequest<Segment>(`/segments/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The count and first 20 members of a rule as drawn, saved or not (admins and managers). */
export function previewSegment(
  entity: SegmentEntity,
  rule: unknown,
  signal?: AbortSignal,
): Promise<SegmentPreview> {
  return apiRequest<SegmentPreview>('/segments/preview', { method: 'POST', body: { entity, rule }, signal });
}

/** One page of a saved segment's members, by id. */
export function segmentMembers(
  id: string,
  page: { cursor?: string; limit?: number } = {},
  signal?: AbortSignal,
): Promise<{ items: SegmentMember[]; nextCursor: string | null }> {
  const query = new URLSearchParams({ limit: String(page.limit ?? 20) });
  if (page.cursor) query.set('cursor', page.cursor);
  return apiRequest(`/segments/${encodeURIComponent(id)}/members?${query.toString()}`, { signal });
}
