import { z } from 'zod';
import { limitSchema } from '../common/pagination';

export const listNotificationsQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

export const notificationViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string().nullable(),
  record: z.object({ type: z.string(), id: z.uuid() }).nullable(),
  runId: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationViewSchema),
  nextCursor: z.string().nullable(),
  /** For the bell: how many of the user's notifications are unread in all. */
  unreadCount: z.number(),
});
