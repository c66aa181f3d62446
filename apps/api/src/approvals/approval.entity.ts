import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ApprovalDecision, ApprovalMode, ApprovalStatus, ApproverSlot } from '@baton/contracts';

/**
 * One stage of an approval a run asked for. The run (a Temporal workflow) is the authority on its
 * state and decides races; this row mirrors it so inboxes and record pages can list and show it.
 */
@Entity({ tableName: 'approvals' })
export class Approval {
  [OptionalProps]?: 'status' | 'decisions' | 'escalations' | 'createdAt' | 'decidedAt' | 'requestedById';

  /** Run id + step id + visit + stage: the same on every retry of the activity that opens it. */
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  runId!: string;

  @Property({ type: 'text' })
  stepId!: string;

  @Property({ type: 'integer' })
  stage!: number;

  @Property({ type: 'text' })
  stageName!: string;

  /** Why it reached these approvers, shown in the inbox ("Discount over 10 %"). */
  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text' })
  recordType!: string;

  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'text' })
  recordLabel!: string;

  @Enum({ items: () => ['any', 'all'] })
  mode!: ApprovalMode;

  @Property({ type: 'jsonb' })
  approvers!: ApproverSlot[];

  @Enum({ items: () => ['pending', 'approved', 'rejected', 'recalled', 'timed_out', 'cancelled'] })
  status: ApprovalStatus = 'pending';

  @Property({ type: 'jsonb' })
  decisions: ApprovalDecision[] = [];

  @Property({ type: 'integer' })
  escalations: number = 0;

  @Property({ type: 'uuid', nullable: true })
  requestedById: string | null = null;

  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;
}
