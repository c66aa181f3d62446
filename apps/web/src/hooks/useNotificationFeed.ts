import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type Notification,
} from '../api/notifications';
import { useNotificationStream } from './useNotificationStream';

export interface NotificationFeed {
  /** Newest first; null until the first load. */
  items: Notification[] | null;
  unreadCount: number;
  /** The last load failed; the items shown are from before. */
  error: unknown;
  /** The live stream is connected: new notifications appear without reloading. */
  live: boolean;
  /** Goes up each time a notification arrives, so pages can re-read what it may be about. */
  revision: number;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
}

/** The signed-in user's notifications, re-read whenever the server announces a new one. */
export function useNotificationFeed(): NotificationFeed {
  // One state, so a mark-read changes the item and the count together.
  const [{ items, unreadCount }, setFeed] = useState<{ items: Notification[] | null; unreadCount: number }>({
    items: null,
    unreadCount: 0,
  });
  const [error, setError] = useState<unknown>(null);
  const [revision, setRevision] = useState(0);
  const [loads, setLoads] = useState(0);
  const latestLoad = useRef<AbortController | null>(null);

  useEffect(() => {
    latestLoad.current?.abort();
    const controller = new AbortController();
    latestLoad.current = controller;
    fetchNotifications(controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setFeed({ items: page.items, unreadCount: page.unreadCount });
        setError(null);
      },
      (caught: unknown) => {
        if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
        setError(caught);
      },
    );
  }, [loads]);

  useEffect(() => () => latestLoad.current?.abort(), []);

  const live = useNotificationStream((event) => {
    const count = unreadCountOf(event.data);
    if (count !== null) setFeed((current) => ({ ...current, unreadCount: count }));
    // `ready` follows every (re)connect: anything missed while disconnected is picked up too.
    setLoads((n) => n + 1);
    if (event.event === 'notifications') setRevision((n) => n + 1);
  });

  const markRead = useCallback(async (id: string) => {
    const updated = await markNotificationRead(id);
    setFeed((current) => {
      const wasUnread = current.items?.some((n) => n.id === id && n.readAt === null) ?? false;
      return {
        items: current.items?.map((n) => (n.id === id ? updated : n)) ?? null,
        unreadCount: wasUnread ? Math.max(0, current.unreadCount - 1) : current.unreadCount,
      };
    });
  }, []);

  const markAllRead = useCallback(async () => {
    await markAllNotificationsRead();
    const now = new Date().toISOString();
    setFeed((current) => ({
      items: current.items?.map((n) => (n.readAt ? n : { ...n, readAt: now })) ?? null,
      unreadCount: 0,
    }));
  }, []);

  return { items, unreadCount, error, live, revision, markRead, markAllRead };
}

function unreadCountOf(data: string): number | null {
  try {
    const count = (JSON.parse(data) as { unreadCount?: unknown }).unreadCount;
    return typeof count === 'number' ? count : null;
  } catch {
    return null;
  }
}
