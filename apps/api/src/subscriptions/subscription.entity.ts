import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { User } from '../users/user.entity';

export const RENEWAL_STATUSES = ['active', 'renewal_due', 'renewed', 'at_risk', 'churned'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];

/** A contract: what an account pays for, and until when. */
@Entity({ tableName: 'subscriptions' })
export class Subscription {
  [OptionalProps]?:
    | 'renewalStatus'
    | 'warrantyEnd'
    | 'amount'
    | 'owner'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Account)
  account!: Account;

  @Property({ type: 'text' })
  plan!: string;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  endDate!: string;

  @Enum({ items: () => [...RENEWAL_STATUSES] })
  renewalStatus: RenewalStatus = 'active';

  @Property({ type: 'date', nullable: true })
  warrantyEnd: string | null = null;

  /** numeric(14,2) as a decimal string, like opportunity amounts. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount: string = '0.00';

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
