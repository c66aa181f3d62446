import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** An in-app message to one user, usually from a workflow run (then keyed so a retry sends it once). */
@Entity({ tableName: 'notifications' })
export class Notification {
  [OptionalProps]?: 'createdAt' | 'readAt' | 'body' | 'recordType' | 'recordId' | 'runId' | 'idempotencyKey';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  @Property({ type: 'text', nullable: true })
  recordType: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  recordId: string | null = null;

  @Property({ type: 'text', nullable: true })
  runId: string | null = null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
