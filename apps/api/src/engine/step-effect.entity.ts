import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The remembered result of a step activity that wrote something. Temporal delivers activities at
 * least once; a retry finds this row and returns the same output instead of writing again.
 */
@Entity({ tableName: 'step_effects' })
export class StepEffect {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  runId!: string;

  @Property({ type: 'text' })
  stepId!: string;

  @Property({ type: 'jsonb' })
  output!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
