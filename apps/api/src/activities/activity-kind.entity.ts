import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** What sorts of activity can be logged: data an admin extends, not a code enum. */
@Entity({ tableName: 'activity_kinds' })
export class ActivityKind {
  [OptionalProps]?: 'icon' | 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stable identifier stored on each activity, e.g. `call`. */
  @Property({ type: 'text', unique: true })
  key!: string;

  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'text', nullable: true })
  icon: string | null = null;

  /** Inactive kinds stay on past activities but cannot be used for new ones. */
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
