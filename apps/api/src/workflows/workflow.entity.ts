import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'workflows' })
export class Workflow {
  [OptionalProps]?: 'activeVersionId' | 'archived' | 'createdAt' | 'ownerId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  key!: string;

  @Property({ type: 'text' })
  name!: string;

  /** Entity type of the record the workflow's triggers watch; indexes trigger matching. */
  @Property({ type: 'text' })
  entity!: string;

  @Property({ type: 'uuid', nullable: true })
  activeVersionId: string | null = null;

  /** Who answers for the workflow: told when its runs fail (whoever edits it last may not be). */
  @Property({ type: 'uuid', nullable: true })
  ownerId: string | null = null;

  @Property({ type: 'boolean' })
  archived: boolean = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
