import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

export const LEAD_SOURCES = ['web', 'referral', 'event', 'partner', 'cold_call', 'other'] as const;
export const LEAD_STATUSES = ['new', 'working', 'qualified', 'unqualified', 'converted'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export type LeadStatus = (typeof LEAD_STATUSES)[number];

@Entity({ tableName: 'leads' })
export class Lead {
  [OptionalProps]?:
    | 'email'
    | 'company'
    | 'phone'
    | 'source'
    | 'status'
    | 'score'
    | 'region'
    | 'owner'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'archivedAt'
    | 'mergedIntoId'
    | 'convertedAccountId'
    | 'convertedContactId'
    | 'convertedOpportunityId'
    | 'convertedAt'
    | 'erasedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  company: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Enum({ items: () => [...LEAD_SOURCES] })
  source: LeadSource = 'web';

  @Enum({ items: () => [...LEAD_STATUSES] })
  status: LeadStatus = 'new';

  @Property({ type: 'integer', nullable: true })
  score: number | null = null;

  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  owner: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  /** Set when the lead was merged into another: hidden from lists, still readable by id. */
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  /** The lead this one was merged into. */
  @Property({ type: 'uuid', nullable: true })
  mergedIntoId: string | null = null;

  /** What the lead became when converted (status `converted`); the opportunity is optional. */
  @Property({ type: 'uuid', nullable: true })
  convertedAccountId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  convertedContactId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  convertedOpportunityId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  convertedAt: Date | null = null;

  /** When the person's data was erased (the record is kept, anonymised and archived). */
  @Property({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null = null;
}
