import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { RunDefinitionResult, RunStatus } from '@baton/contracts';

/** Baton's own record of a Temporal run, written when it is started and when it ends. */
@Entity({ tableName: 'workflow_runs' })
export class WorkflowRun {
  [OptionalProps]?: 'status' | 'stepsRun' | 'error' | 'startedAt' | 'finishedAt';

  /** The Temporal workflow id, derived from workflow + event so a retry never starts a second run. */
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'uuid' })
  workflowId!: string;

  @Property({ type: 'uuid' })
  versionId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  recordType!: string;

  @Property({ type: 'uuid' })
  recordId!: string;

  @Enum({ items: () => ['running', 'completed', 'failed'] })
  status: RunStatus = 'running';

  @Property({ type: 'jsonb' })
  stepsRun: string[] = [];

  @Property({ type: 'jsonb', nullable: true })
  error: RunDefinitionResult['error'] | null = null;

  @Property({ type: 'timestamptz' })
  startedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;
}
