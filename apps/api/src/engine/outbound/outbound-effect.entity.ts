import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An email sent or a webhook answered 2xx, remembered by its idempotency key. Kept apart from the
 * step's own record (`StepEffect`) because it is committed on its own, as soon as the effect has
 * happened: a step whose transaction is then lost still finds it when retried.
 */
@Entity({ tableName: 'outbound_effects' })
export class OutboundEffect {
  [OptionalProps]?: 'createdAt';

  /** `mail:` or `http:` + the idempotency key the step passed. */
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  runId!: string;

  @Property({ type: 'text' })
  stepId!: string;

  @Property({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
