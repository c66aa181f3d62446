import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

/** A reusable reply with merge fields (`{{contact.firstName}}`), filled in against a case. */
@Entity({ tableName: 'kb_canned_answers' })
export class KbCannedAnswer {
  [OptionalProps]?: 'author' | 'createdAt' | 'updatedAt' | 'version' | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => User, { nullable: true })
  author: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;
}
