import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A sales team; its manager is where its members' escalations go when they have no manager of their own. */
@Entity({ tableName: 'teams' })
export class Team {
  [OptionalProps]?: 'createdAt' | 'managerId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  name!: string;

  @Property({ type: 'uuid', nullable: true })
  managerId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
