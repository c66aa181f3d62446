import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { RecordType } from '../record-links/record-link';
import { User } from '../users/user.entity';

/** A call, meeting, email… logged against a record. */
@Entity({ tableName: 'activities' })
export class Activity {
  [OptionalProps]?: 'body' | 'durationMinutes' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** An activity_kinds key (foreign key in the database). */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'integer', nullable: true })
  durationMinutes: number | null = null;

  @Property({ type: 'text' })
  recordType!: RecordType;

  @Property({ type: 'uuid' })
  recordId!: string;

  @ManyToOne(() => User)
  author!: User;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;
}
