import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { activeUser, editsAll } from '../accounts/crm-access';
import { fieldsOf } from '../accounts/crm-events';
import { created, diff } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import { linkedRecord } from '../record-links/record-link';
import type { TaskView } from '../tasks/task.dto';
import { Task } from '../tasks/task.entity';
import { TASK_POPULATE, taskView } from '../tasks/task.view';
import { User } from '../users/user.entity';
import { recordTaskChange, TASK_EVENT_FIELDS as EVENT_FIELDS } from './task-events';
import { reassignTask, requestReassignment } from './task-reassignment';
import type {
  CreateUserTaskInput,
  ReassignRequestInput,
  ReassignTaskInput,
  SnoozeTaskInput,
} from './user-task.dto';

/** Tasks people create, snooze and hand on by hand; workflow-made tasks come from the engine. */
@Injectable()
export class UserTasksService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateUserTaskInput, actor: User): Promise<TaskView> {
    const task = await this.em.transactional(async (tx) => {
      const assigneeId = input.assigneeId ?? actor.id;
      if (assigneeId !== actor.id && !editsAll(actor)) {
        throw new BatonError('FORBIDDEN', 'You may only assign tasks to yourself', { assigneeId });
      }
      const assignee = await tx.findOne(User, { id: assigneeId, active: true });
      if (!assignee) {
        throw new BatonError('VALIDATION_FAILED', 'The assignee is not an active user', { assigneeId });
      }
      const record =
        input.recordType && input.recordId
          ? await linkedRecord(tx, input.recordType, input.recordId, actor)
          : null;
      const task = tx.create(Task, {
        title: input.title,
        description: input.description ?? null,
        dueAt: new Date(input.dueAt),
        priority: input.priority ?? 'normal',
        assignee,
        recordType: record?.type ?? null,
        recordId: record?.id ?? null,
        recordLabel: record?.label ?? null,
        createdBy: await activeUser(tx, actor.id),
      });
      recordTaskChange(this.outbox, tx, task, 'created', actor, created(fieldsOf(task), EVENT_FIELDS));
      return task;
    });
    this.outbox.committed();
    return taskView(task);
  }

  /** Only the assignee pushes their own task out, and only into the future. */
  async snooze(id: string, input: SnoozeTaskInput, actor: User): Promise<TaskView> {
    const until = new Date(input.until);
    if (until.getTime() <= Date.now()) {
      throw new BatonError('VALIDATION_FAILED', 'until must be in the future', { field: 'until' });
    }
    const task = await this.em.transactional(async (tx) => {
      const task = await tx.findOne(Task, { id }, { populate: TASK_POPULATE });
      if (!task) throw new BatonError('NOT_FOUND', 'No task with this id', { id });
      if (task.assignee.id !== actor.id) {
        throw new BatonError('FORBIDDEN', 'Only the assignee may snooze this task');
      }
      if (task.status !== 'open') {
        throw new BatonError('INVALID_TRANSITION', 'A done task cannot be snoozed', { status: task.status });
      }
      const before = fieldsOf(task);
      task.dueAt = until;
      recordTaskChange(this.outbox, tx, task, 'updated', actor, diff(before, fieldsOf(task), EVENT_FIELDS));
      return task;
    });
    this.outbox.committed();
    return taskView(task);
  }

  async requestReassignment(id: string, input: ReassignRequestInput, actor: User): Promise<TaskView> {
    const task = await this.em.transactional((tx) => requestReassignment(tx, this.outbox, id, input, actor));
    this.outbox.committed();
    return taskView(task);
  }

  async reassign(id: string, input: ReassignTaskInput, actor: User): Promise<TaskView> {
    const task = await this.em.transactional((tx) => reassignTask(tx, this.outbox, id, input, actor));
    this.outbox.committed();
    return taskView(task);
  }
}
