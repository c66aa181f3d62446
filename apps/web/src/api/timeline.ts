import { apiRequest } from './client';
import type { Page } from './types';

export type TimelineKind = 'activity' | 'note' | 'task' | 'change' | 'workflow_step';

/** The records that have a timeline, by their API path. */
export type TimelinePath =
  'leads' | 'accounts' | 'contacts' | 'opportunities' | 'quotes' | 'subscriptions' | 'cases';

export interface TimelineItem {
  kind: TimelineKind;
  /** Unique within its kind. */
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  summary: string;
  /** What the kind carries (see the API docs); read through lib/describeTimeline. */
  data: Record<string, unknown>;
}

export const TIMELINE_PAGE_SIZE = 25;

/** Newest first; the viewer's own notes and those shared with them only. */
export function fetchTimeline(
  path: TimelinePath,
  id: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<TimelineItem>> {
  const query = new URLSearchParams({ limit: String(TIMELINE_PAGE_SIZE) });
  if (cursor) query.set('cursor', cursor);
  return apiRequest<Page<TimelineItem>>(`/${path}/${encodeURIComponent(id)}/timeline?${query.toString()}`, {
    signal,
  });
}
