import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../../users/user.entity';

export const DEFAULT_INACTIVE_MONTHS = 24;

/** How long Baton keeps personal data nobody uses; one row per kind of record (leads for now). */
@Entity({ tableName: 'retention_policies' })
export class RetentionPolicy {
  [OptionalProps]?: 'enabled' | 'inactiveMonths' | 'updatedAt' | 'updatedBy';

  @PrimaryKey({ type: 'text' })
  entity!: 'lead';

  @Property({ type: 'boolean' })
  enabled: boolean = false;

  /** Leads with no activity for this many months are erased. */
  @Property({ type: 'integer' })
  inactiveMonths: number = DEFAULT_INACTIVE_MONTHS;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  updatedBy: User | null = null;
}
