import type { EntityType } from '@baton/contracts';
import { CASE_PRIORITIES, CASE_STATUSES } from '../cases/case.entity';
import { LEAD_SOURCES, LEAD_STATUSES } from '../leads/lead.entity';
import { OPPORTUNITY_STAGES } from '../opportunities/opportunity.entity';
import { QUOTE_STATUSES } from '../quotes/quote.entity';
import { RENEWAL_STATUSES } from '../subscriptions/subscription.entity';
import { TASK_PRIORITIES, TASK_STATUSES } from '../tasks/task.entity';

/**
 * The values of record fields the database holds as enums, so the condition builder can offer
 * "is one of" with the real values. Taken from the entities, so a new status shows up by itself.
 */
export const FIELD_OPTIONS: Readonly<
  Partial<Record<EntityType, Readonly<Record<string, readonly string[]>>>>
> = {
  lead: { status: LEAD_STATUSES, source: LEAD_SOURCES },
  quote: { status: QUOTE_STATUSES },
  opportunity: { stage: OPPORTUNITY_STAGES },
  subscription: { renewalStatus: RENEWAL_STATUSES },
  case: { status: CASE_STATUSES, priority: CASE_PRIORITIES },
  task: { status: TASK_STATUSES, priority: TASK_PRIORITIES },
};
