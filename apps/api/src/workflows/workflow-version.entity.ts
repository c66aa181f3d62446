import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { WorkflowDefinition } from '@baton/contracts';
import { Workflow } from './workflow.entity';

export const VERSION_STATUSES = ['draft', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** One version of a workflow's definition. Published versions are immutable. */
@Entity({ tableName: 'workflow_versions' })
@Unique({ properties: ['workflow', 'version'] })
export class WorkflowVersion {
  [OptionalProps]?: 'status' | 'note' | 'publishedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Workflow)
  workflow!: Workflow;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'jsonb' })
  definition!: WorkflowDefinition;

  @Enum({ items: () => [...VERSION_STATUSES] })
  status: VersionStatus = 'draft';

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
