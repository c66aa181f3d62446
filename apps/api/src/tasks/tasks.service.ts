import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import type { User } from '../users/user.entity';
import type { ListTasksQuery, TaskView } from './task.dto';
import { Task } from './task.entity';
import { TASK_POPULATE, taskView } from './task.view';

@Injectable()
export class TasksService {
  constructor(private readonly em: EntityManager) {}

  /** Tasks by due date, soonest first: the order a rep works them in. */
  async list(query: ListTasksQuery, viewer: User): Promise<Page<TaskView>> {
    const assignee = query.assignee === 'me' ? viewer.id : query.assignee;
    if (assignee !== viewer.id && !['admin', 'manager'].includes(viewer.role)) {
      throw new BatonError('FORBIDDEN', "Only managers and admins may see other people's tasks");
    }
    const cursor = decodeCursor(query.cursor, 'uuid');
    const where: Record<string, unknown> = { assignee };
    if (query.status) where.status = query.status;
    if (cursor) {
      where.$or = [
        { dueAt: { $gt: new Date(cursor.at) } },
        { dueAt: new Date(cursor.at), id: { $gt: cursor.id } },
      ];
    }
    const rows = await this.em.find(Task, where, {
      populate: TASK_POPULATE,
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > query.limit && last ? encodeCursor({ at: last.dueAt.toISOString(), id: last.id }) : null;
    return { items: items.map(taskView), nextCursor };
  }

  async complete(id: string, viewer: User): Promise<TaskView> {
    const task = await this.em.findOne(Task, { id }, { populate: TASK_POPULATE });
    if (!task) throw new BatonError('NOT_FOUND', 'No task with this id', { id });
    if (task.assignee.id !== viewer.id && !['admin', 'manager'].includes(viewer.role)) {
      throw new BatonError('FORBIDDEN', 'Only the assignee, a manager or an admin may complete this task');
    }
    if (task.status !== 'done') {
      task.status = 'done';
      task.completedAt = new Date();
      await this.em.flush();
    }
    return taskView(task);
  }
}
