import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ROLES, type Role } from '@baton/domain';

@Entity({ tableName: 'users' })
export class User {
  [OptionalProps]?: 'active' | 'createdAt' | 'managerId' | 'teamId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => [...ROLES] })
  role!: Role;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Whom approvals and escalations go to next; the management chain is followed through it. */
  @Property({ type: 'uuid', nullable: true })
  managerId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  teamId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
