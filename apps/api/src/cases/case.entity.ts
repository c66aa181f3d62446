import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { Contact } from '../contacts/contact.entity';
import { User } from '../users/user.entity';

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CASE_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses in which the SLA no longer runs. */
export const SETTLED_CASE_STATUSES: readonly CaseStatus[] = ['resolved', 'closed'];

/** A support ticket; `case` is a reserved word, hence the class name. */
@Entity({ tableName: 'cases' })
export class SupportCase {
  [OptionalProps]?:
    | 'contact'
    | 'description'
    | 'priority'
    | 'status'
    | 'owner'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Account)
  account!: Account;

  @ManyToOne(() => Contact, { nullable: true })
  contact: Contact | null = null;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => [...CASE_PRIORITIES] })
  priority: CasePriority = 'normal';

  @Enum({ items: () => [...CASE_STATUSES] })
  status: CaseStatus = 'open';

  /** Set from the priority at creation, and again from the opening time when it changes; see sla.ts. */
  @Property({ type: 'timestamptz' })
  slaDueAt!: Date;

  @ManyToOne(() => User, { nullable: true })
  owner: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;
}
