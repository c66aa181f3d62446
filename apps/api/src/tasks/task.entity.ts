import { randomUUID } from 'node:crypto';
import {
  BeforeUpdate,
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type EventArgs,
} from '@mikro-orm/core';
import { User } from '../users/user.entity';

export const TASK_STATUSES = ['open', 'done'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

@Entity({ tableName: 'tasks' })
export class Task {
  [OptionalProps]?:
    | 'description'
    | 'status'
    | 'priority'
    | 'recordType'
    | 'recordId'
    | 'recordLabel'
    | 'createdBy'
    | 'runId'
    | 'workflowId'
    | 'workflowName'
    | 'workflowVersion'
    | 'stepId'
    | 'idempotencyKey'
    | 'createdAt'
    | 'completedAt'
    | 'reassignRequestedAt'
    | 'reassignReason'
    | 'reassignSuggestedAssignee';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => [...TASK_STATUSES] })
  status: TaskStatus = 'open';

  @Enum({ items: () => [...TASK_PRIORITIES] })
  priority: TaskPriority = 'normal';

  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @ManyToOne(() => User)
  assignee!: User;

  @Property({ type: 'text', nullable: true })
  recordType: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  recordId: string | null = null;

  @Property({ type: 'text', nullable: true })
  recordLabel: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  createdBy: User | null = null;

  // Which workflow run and step created the task: every automated action is explainable.
  @Property({ type: 'text', nullable: true })
  runId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  workflowId: string | null = null;

  @Property({ type: 'text', nullable: true })
  workflowName: string | null = null;

  @Property({ type: 'integer', nullable: true })
  workflowVersion: number | null = null;

  @Property({ type: 'text', nullable: true })
  stepId: string | null = null;

  /** Run + step key of the activity that created it; unique, so a redelivered activity cannot duplicate it. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  /** Set while the assignee's request to hand the task to someone else is pending. */
  @Property({ type: 'timestamptz', nullable: true })
  reassignRequestedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  reassignReason: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  reassignSuggestedAssignee: User | null = null;

  // Whichever path hands the task on or closes it — the reassign endpoint, completion, a workflow
  // step updating the task — answers a pending request, so none of them can leave one behind.
  @BeforeUpdate()
  protected settleReassignRequest(args: EventArgs<Task>): void {
    const changed = args.changeSet?.payload ?? {};
    if ('assignee' in changed || 'status' in changed) clearReassignRequest(this);
  }
}

export function clearReassignRequest(task: Task): void {
  task.reassignRequestedAt = null;
  task.reassignReason = null;
  task.reassignSuggestedAssignee = null;
}
