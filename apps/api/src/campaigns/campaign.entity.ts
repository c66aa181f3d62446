import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled', 'failed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const BODY_FORMATS = ['text', 'html'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/**
 * An email to every contact of a segment who consented to its purpose. Edited while a draft;
 * scheduling hands it to its sending workflow (draft → scheduled → sending → sent, or cancelled /
 * failed on the way).
 */
@Entity({ tableName: 'campaigns' })
export class Campaign {
  [OptionalProps]?:
    | 'bodyFormat'
    | 'status'
    | 'scheduledAt'
    | 'ratePerMinute'
    | 'batchSize'
    | 'linkBaseUrl'
    | 'error'
    | 'createdBy'
    | 'createdAt'
    | 'updatedAt'
    | 'startedAt'
    | 'finishedAt'
    | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  /** A contact segment; null once that segment is deleted. */
  @Property({ type: 'uuid', nullable: true })
  segmentId!: string | null;

  /** The consent purpose a recipient must have given, e.g. `marketing`. */
  @Property({ type: 'text' })
  purpose!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => [...BODY_FORMATS] })
  bodyFormat: BodyFormat = 'html';

  @Enum({ items: () => [...CAMPAIGN_STATUSES] })
  status: CampaignStatus = 'draft';

  /** null: send as soon as it is scheduled. */
  @Property({ type: 'timestamptz', nullable: true })
  scheduledAt: Date | null = null;

  @Property({ type: 'integer' })
  ratePerMinute: number = 600;

  @Property({ type: 'integer' })
  batchSize: number = 50;

  /** Where tracked links point: the address the campaign was scheduled through. */
  @Property({ type: 'text', nullable: true })
  linkBaseUrl: string | null = null;

  /** Why sending failed. */
  @Property({ type: 'jsonb', nullable: true })
  error: { code: string; message: string } | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;
}
