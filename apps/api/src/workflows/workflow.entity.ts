import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'workflows' })
export class Workflow {
  [OptionalProps]?: 'activeVersionId' | 'archived' | 'createdAt';

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

  @Property({ type: 'boolean' })
  archived: boolean = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
