import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
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
    | 'completedAt';

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
}
