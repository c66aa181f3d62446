import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  Enum,
  ManyToMany,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { Contact } from '../contacts/contact.entity';
import { User } from '../users/user.entity';

export const OPPORTUNITY_STAGES = [
  'prospecting',
  'qualification',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

@Entity({ tableName: 'opportunities' })
export class Opportunity {
  [OptionalProps]?:
    | 'stage'
    | 'amount'
    | 'currency'
    | 'closeDate'
    | 'rfiReference'
    | 'rfpReference'
    | 'offerDeadline'
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
  name!: string;

  @Enum({ items: () => [...OPPORTUNITY_STAGES] })
  stage: OpportunityStage = 'prospecting';

  /** numeric(14,2), kept as a decimal string ("1250.00") so cents never go through a float. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount: string = '0.00';

  @Property({ type: 'text' })
  currency: string = 'EUR';

  /** Expected close, a calendar day ("2026-12-31"). */
  @Property({ type: 'date', nullable: true })
  closeDate: string | null = null;

  @Property({ type: 'text', nullable: true })
  rfiReference: string | null = null;

  @Property({ type: 'text', nullable: true })
  rfpReference: string | null = null;

  /** When the offer must be submitted to the customer: an instant, as tenders close at a set time. */
  @Property({ type: 'timestamptz', nullable: true })
  offerDeadline: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  owner: User | null = null;

  @ManyToMany({
    entity: () => Contact,
    pivotTable: 'opportunity_contacts',
    joinColumn: 'opportunity_id',
    inverseJoinColumn: 'contact_id',
  })
  contacts = new Collection<Contact>(this);

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;
}
