import type { Notification } from '../api/notifications';
import { quoteHref } from './routes';

/** Where a notification leads: its quote (which links on to the inbox when it waits on you). */
export function notificationHref(notification: Notification): string | null {
  if (notification.record?.type === 'quote') return quoteHref(notification.record.id);
  return null;
}
