import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

export const SEGMENT_ENTITIES = ['contact', 'lead'] as const;
export type SegmentEntity = (typeof SEGMENT_ENTITIES)[number];

/** A saved JSON Logic rule over contacts or leads; its members are whatever matches right now. */
@Entity({ tableName: 'segments' })
export class Segment {
  [OptionalProps]?: 'description' | 'owner' | 'createdAt' | 'updatedAt' | 'version' | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => [...SEGMENT_ENTITIES] })
  entity!: SegmentEntity;

  @Property({ type: 'jsonb' })
  rule!: unknown;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

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
