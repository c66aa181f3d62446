import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { RecordType } from '../record-links/record-link';
import { User } from '../users/user.entity';

export const NOTE_VISIBILITIES = ['private', 'shared'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/**
 * A note on a record. Private notes are the author's alone — no role, not even admin, reads them;
 * shared ones also reach the users named in `sharedWith`.
 */
@Entity({ tableName: 'notes' })
export class Note {
  [OptionalProps]?: 'visibility' | 'sharedWith' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  recordType!: RecordType;

  @Property({ type: 'uuid' })
  recordId!: string;

  @ManyToOne(() => User)
  author!: User;

  @Enum({ items: () => [...NOTE_VISIBILITIES] })
  visibility: NoteVisibility = 'private';

  /** User ids (a jsonb array, so SQL can test membership with `@>`). */
  @Property({ type: 'jsonb' })
  sharedWith: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;
}
