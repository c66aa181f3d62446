import { useState } from 'react';
import { LoadState } from '../components/LoadState';
import { NotificationList } from '../components/NotificationList';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import type { NotificationFeed } from '../hooks/useNotificationFeed';
import { useNow } from '../hooks/useNow';
import { describeError } from '../lib/describeError';
import './MyTasksPage.css';
import './NotificationsPage.css';

const CLOCK_MS = 30_000;

export function NotificationsPage({ feed }: { feed: NotificationFeed }) {
  useDocumentTitle('Notifications');
  const now = useNow(CLOCK_MS);
  const [error, setError] = useState<unknown>(null);
  const { items, unreadCount } = feed;

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Notifications</h1>
          <p className="page__subtitle" data-testid="notifications-summary">
            {unreadCount === 0 ? 'All read' : `${unreadCount} unread`}
            <span className="page__updated">
              {' '}
              · {feed.live ? 'Live: new ones appear here as they arrive' : 'Reconnecting…'}
            </span>
          </p>
        </div>
        <button
          type="button"
          className="button"
          disabled={unreadCount === 0}
          onClick={() => {
            setError(null);
            feed.markAllRead().catch(setError);
          }}
          data-testid="notifications-mark-all"
        >
          Mark all read
        </button>
      </div>
      {error !== null && (
        <p className="task-list__stale" role="alert">
          Could not mark them read: {describeError(error)}
        </p>
      )}
      {items === null ? (
        <LoadState detail="Loading notifications…" error={feed.error} />
      ) : items.length === 0 ? (
        <LoadState
          title="No notifications yet"
          detail="Approval requests, decisions on your quotes and escalations show up here."
        />
      ) : (
        <section className="notifications-page__list" aria-label="Notifications" data-testid="notifications">
          <NotificationList items={items} now={now} onMarkRead={feed.markRead} />
        </section>
      )}
    </main>
  );
}
