import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { RunDefinitionResult, RunStatus, StepTrail } from '@baton/contracts';

/** Baton's own record of a Temporal run, written when it is started and when it ends. */
@Entity({ tableName: 'workflow_runs' })
export class WorkflowRun {
  [OptionalProps]?: 'status' | 'trail' | 'error' | 'startedAt' | 'finishedAt' | 'parentRunId';

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

  /** The run whose `call_workflow` or `for_each` step started this one. */
  @Property({ type: 'text', nullable: true })
  parentRunId: string | null = null;

  @Enum({ items: () => ['running', 'completed', 'failed', 'cancelled'] })
  status: RunStatus = 'running';

  /** Each step visit with its status and timing (stored in the `steps_run` column). */
  @Property({ type: 'jsonb', fieldName: 'steps_run' })
  trail: StepTrail[] = [];

  @Property({ type: 'jsonb', nullable: true })
  error: RunDefinitionResult['error'] | null = null;

  @Property({ type: 'timestamptz' })
  startedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;
}
