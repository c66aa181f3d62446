import { useState } from 'react';
import type { Notification } from '../api/notifications';
import { formatAgo } from '../lib/ago';
import { describeError } from '../lib/describeError';
import { formatFullDate } from '../lib/due';
import { notificationHref } from '../lib/notificationLink';
import './NotificationList.css';

interface NotificationListProps {
  items: Notification[];
  now: Date;
  onMarkRead: (id: string) => Promise<void>;
  /** After following a notification's link (the dropdown closes). */
  onOpen?: () => void;
  compact?: boolean;
}

export function NotificationList({ items, now, onMarkRead, onOpen, compact = false }: NotificationListProps) {
  const [error, setError] = useState<unknown>(null);

  function markRead(id: string) {
    setError(null);
    onMarkRead(id).catch(setError);
  }

  return (
    <>
      {error !== null && (
        <p className="notification-list__error" role="alert">
          Could not mark it read: {describeError(error)}
        </p>
      )}
      <ul className={`notification-list${compact ? ' notification-list--compact' : ''}`}>
        {items.map((n) => {
          const href = notificationHref(n);
          const unread = n.readAt === null;
          const created = new Date(n.createdAt);
          return (
            <li
              key={n.id}
              className={`notification${unread ? ' notification--unread' : ''}`}
              data-testid="notification"
              data-unread={unread}
            >
              <span className="notification__dot" aria-hidden="true" />
              <div className="notification__main">
                {href ? (
                  <a
                    className="notification__title"
                    href={href}
                    onClick={() => {
                      if (unread) markRead(n.id);
                      onOpen?.();
                    }}
                  >
                    {n.title}
                  </a>
                ) : (
                  <span className="notification__title">{n.title}</span>
                )}
                {n.body && <p className="notification__body">{n.body}</p>}
                <time className="notification__time" dateTime={n.createdAt} title={formatFullDate(created)}>
                  {formatAgo(created, now)}
                </time>
              </div>
              {unread && (
                <button
                  type="button"
                  className="button button--quiet notification__read"
                  onClick={() => markRead(n.id)}
                  data-testid="notification-mark-read"
                >
                  Mark read
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
