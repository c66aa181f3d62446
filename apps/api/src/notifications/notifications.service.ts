import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { decodeCursor, encodeCursor } from '../common/pagination';
import type { User } from '../users/user.entity';
import type { ListNotificationsQuery, NotificationView } from './notification.dto';
import { Notification } from './notification.entity';

function view(n: Notification): NotificationView {
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    record: n.recordType && n.recordId ? { type: n.recordType, id: n.recordId } : null,
    runId: n.runId,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** Each user's own in-app notifications; nobody reads or marks another's. */
@Injectable()
export class NotificationsService {
  constructor(private readonly em: EntityManager) {}

  async list(query: ListNotificationsQuery, user: User) {
    const cursor = decodeCursor(query.cursor, 'uuid');
    const where: Record<string, unknown> = { userId: user.id };
    if (query.unread === 'true') where.readAt = null;
    if (cursor) {
      where.$or = [
        { createdAt: { $lt: new Date(cursor.at) } },
        { createdAt: new Date(cursor.at), id: { $lt: cursor.id } },
      ];
    }
    const rows = await this.em.find(Notification, where, {
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const unreadCount = await this.em.count(Notification, { userId: user.id, readAt: null });
    return {
      items: items.map(view),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id })
          : null,
      unreadCount,
    };
  }

  async markRead(id: string, user: User): Promise<NotificationView> {
    const notification = await this.em.findOne(Notification, { id, userId: user.id });
    if (!notification) throw new BatonError('NOT_FOUND', 'No notification with this id', { id });
    notification.readAt ??= new Date();
    await this.em.flush();
    return view(notification);
  }

  async markAllRead(user: User): Promise<{ marked: number }> {
    const marked = await this.em.nativeUpdate(
      Notification,
      { userId: user.id, readAt: null },
      { readAt: new Date() },
    );
    return { marked };
  }
}
