import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One failed sign-in, kept for the throttling window; stored in PostgreSQL so every replica counts it. */
@Entity({ tableName: 'login_attempts' })
export class LoginAttempt {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  ip!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();
}
