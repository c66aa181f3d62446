import { z } from 'zod';
import { moneyViewSchema } from '../accounts/crm-money';
import { LEAD_STATUSES } from '../leads/lead.entity';
import { RENEWAL_STATUSES } from '../subscriptions/subscription.entity';

/** The funnel's order: the way a lead moves on; `unqualified` is where it drops out. */
export const FUNNEL_STAGES = ['new', 'working', 'qualified', 'converted', 'unqualified'] as const;

export const SLA_DAYS = 30;
export const RUN_DAYS = 7;
export const RENEWAL_DAYS = 90;

const day = z.iso.date();
const ref = z.object({ id: z.uuid(), name: z.string() });
const count = z.number().int().min(0);

export const dashboardScopeSchema = z.object({
  kind: z
    .enum(['own', 'team', 'everyone'])
    .describe("own: a rep's records; team: a manager's and their reports'; everyone: an admin's view"),
  people: z.number().int().min(0).nullable().describe('How many people the numbers cover; null for everyone'),
});
export type DashboardScope = z.infer<typeof dashboardScopeSchema>;

const leadFunnelSchema = z.object({
  stages: z.array(z.object({ status: z.enum(LEAD_STATUSES), count })).length(FUNNEL_STAGES.length),
  total: count,
});

const overdueTasksSchema = z.object({
  people: z
    .array(z.object({ assignee: ref, count, oldestDueAt: z.iso.datetime() }))
    .describe('Open tasks past their due time, most first'),
  total: count,
});

const slaBreachesSchema = z.object({
  days: z
    .array(
      z.object({
        day,
        breaches: count.describe('Cases whose SLA ran out this day before they were resolved or closed'),
        escalations: count.describe('Times a case was handed up the management chain this day'),
      }),
    )
    .length(SLA_DAYS)
    .describe('UTC days, oldest first, ending today'),
  totalBreaches: count,
  totalEscalations: count,
  openBreaches: count.describe('Cases past their SLA and still not resolved or closed, now'),
});

const workflowRunsSchema = z.object({
  since: z.iso.datetime(),
  workflows: z
    .array(
      z.object({
        workflow: ref,
        runs: count,
        completed: count,
        failed: count,
        cancelled: count,
        running: count,
        failureRate: z
          .number()
          .min(0)
          .max(1)
          .nullable()
          .describe('failed ÷ runs that ended (completed, failed or cancelled); null while none has ended'),
      }),
    )
    .describe('Workflows with runs started since `since`, most runs first'),
});

const renewalsSchema = z.object({
  from: day,
  to: day,
  weeks: z
    .array(
      z.object({
        start: day,
        end: day,
        count,
        amount: moneyViewSchema,
        byStatus: z.array(z.object({ status: z.enum(RENEWAL_STATUSES), count, amount: moneyViewSchema })),
      }),
    )
    .describe('Seven-day weeks from today; a subscription falls in the week of its end date'),
});

export const dashboardSchema = z.object({
  generatedAt: z.iso.datetime(),
  scope: dashboardScopeSchema,
  leadFunnel: leadFunnelSchema,
  overdueTasks: overdueTasksSchema,
  slaBreaches: slaBreachesSchema,
  workflowRuns: workflowRunsSchema,
  renewals: renewalsSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
