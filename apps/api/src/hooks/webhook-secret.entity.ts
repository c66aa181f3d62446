import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A workflow's inbound-webhook secret and its delivery counter.
 *
 * The secret is kept as issued, not hashed: the signature form of the check (an HMAC of the body)
 * needs the secret itself, and a hash would only serve the bearer form. Encrypting it with a key
 * held by the same process would add ceremony, not protection: whoever can read this table can
 * already read and change every record a hook could reach. It is shown once, when issued, and
 * rotating replaces it at once.
 */
@Entity({ tableName: 'webhook_secrets' })
export class WebhookSecret {
  [OptionalProps]?: 'createdAt' | 'windowStartedAt' | 'windowCount';

  @PrimaryKey({ type: 'uuid' })
  workflowId!: string;

  @Property({ type: 'text' })
  secret!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Start of the current one-minute window of deliveries (rate limit), and how many came in it. */
  @Property({ type: 'timestamptz', nullable: true })
  windowStartedAt: Date | null = null;

  @Property({ type: 'integer' })
  windowCount: number = 0;
}
