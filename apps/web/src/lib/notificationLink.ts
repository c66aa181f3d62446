import type { Notification } from '../api/notifications';
import { quoteHref, recordHref, routeHref, type RecordListRoute } from './routes';

const RECORD_LISTS: Record<string, RecordListRoute> = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  subscription: 'subscriptions',
};

/** Where a notification leads: its quote (which links on to the inbox when it waits on you) or record. */
export function notificationHref(notification: Notification): string | null {
  const record = notification.record;
  if (record?.type === 'quote') return quoteHref(record.id);
  const list = record ? RECORD_LISTS[record.type] : undefined;
  if (record && list) return recordHref(list, record.id);
  // Leads open in a panel on their list rather than at an address of their own.
  if (record?.type === 'lead') return routeHref('leads');
  return null;
}
