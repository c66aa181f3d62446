import { apiRequest, apiStream } from './client';

export interface Notification {
  id: string;
  title: string;
  body: string | null;
  record: { type: string; id: string } | null;
  runId: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

export function fetchNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  const query = new URLSearchParams({ limit: String(NOTIFICATIONS_PAGE_SIZE) });
  return apiRequest<NotificationPage>(`/notifications?${query.toString()}`, { signal });
}

export function markNotificationRead(id: string): Promise<Notification> {
  return apiRequest<Notification>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<{ marked: number }> {
  return apiRequest<{ marked: number }>('/notifications/read-all', { method: 'POST' });
}

/** The live feed: `ready` once connected, then `notifications` whenever one is written for you. */
export function openNotificationStream(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  return apiStream('/notifications/stream', signal);
}
