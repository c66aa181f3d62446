import { useEffect, useRef, useState } from 'react';
import type { NotificationFeed } from '../hooks/useNotificationFeed';
import { useNow } from '../hooks/useNow';
import { describeError } from '../lib/describeError';
import { routeHref } from '../lib/routes';
import { NotificationList } from './NotificationList';
import './NotificationBell.css';

const SHOWN = 6;
const CLOCK_MS = 30_000;

export function NotificationBell({ feed }: { feed: NotificationFeed }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const now = useNow(CLOCK_MS);
  const { items, unreadCount } = feed;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = unreadCount === 0 ? 'Notifications' : `Notifications, ${unreadCount} unread`;

  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="bell__button"
        aria-label={label}
        aria-expanded={open}
        aria-haspopup="true"
        title={feed.live ? label : `${label} (reconnecting…)`}
        onClick={() => setOpen((v) => !v)}
        data-testid="bell"
        data-live={feed.live}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6l-1.6 2.7a1 1 0 0 0 .9 1.5h13.4a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {unreadCount > 0 && (
          <span className="bell__count" data-testid="bell-count">
            {unreadCount > 99 ? '99+' : unreadCount}
          </span>
        )}
      </button>

      {open && (
        <div className="bell__panel" role="dialog" aria-label="Notifications" data-testid="bell-panel">
          <div className="bell__head">
            <span className="bell__heading">Notifications</span>
            {unreadCount > 0 && (
              <button
                type="button"
                className="button button--quiet bell__all"
                onClick={() => void feed.markAllRead().catch(() => undefined)}
                data-testid="bell-mark-all"
              >
                Mark all read
              </button>
            )}
          </div>
          <div className="bell__body">
            {items === null ? (
              <p className="bell__empty">{feed.error ? describeError(feed.error) : 'Loading…'}</p>
            ) : items.length === 0 ? (
              <p className="bell__empty">Nothing yet. Decisions and requests will show up here.</p>
            ) : (
              <NotificationList
                items={items.slice(0, SHOWN)}
                now={now}
                onMarkRead={feed.markRead}
                onOpen={() => setOpen(false)}
                compact
              />
            )}
          </div>
          <a className="bell__foot" href={routeHref('notifications')} onClick={() => setOpen(false)}>
            See all notifications
          </a>
        </div>
      )}
    </div>
  );
}
