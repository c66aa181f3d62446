import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

/** Who did what to which record, with the record's state before and after. Never updated. */
@Entity({ tableName: 'audit_entries' })
export class AuditEntry {
  [OptionalProps]?: 'at' | 'before' | 'after';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  actor!: User | null;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'text' })
  entityId!: string;

  @Property({ type: 'jsonb', nullable: true })
  before: unknown = null;

  @Property({ type: 'jsonb', nullable: true })
  after: unknown = null;
}
