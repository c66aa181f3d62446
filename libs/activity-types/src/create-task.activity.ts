import { z } from 'zod';
import { addBusinessDaysIn, addBusinessMinutes, BatonError, DEFAULT_BUSINESS_HOURS } from '@baton/domain';
import { defineActivityType } from '@baton/activity-sdk';

const configSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).describe('What the assignee sees in the inbox'),
  description: z.string().max(2000).optional(),
  assignee: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('record_owner') }),
      z.strictObject({ kind: z.literal('user'), userId: z.uuid() }),
    ])
    .default({ kind: 'record_owner' }),
  dueInBusinessDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(1)
    .describe("Business days until due (the workflow's business hours; Mon–Fri by default)"),
  dueInBusinessHours: z
    .number()
    .int()
    .min(1)
    .max(2000)
    .optional()
    .describe('Business hours until due, instead of days: e.g. 4 for a same-day SLA'),
  priority: z.enum(['low', 'normal', 'high']).default('normal'),
});

/** Puts a task in someone's inbox, linked to the record and to the run that created it. */
export const createTask = defineActivityType({
  type: 'create_task',
  title: 'Create task',
  category: 'Tasks',
  icon: 'check-square',
  description: "Adds a task to the record owner's (or a named user's) inbox.",
  configSchema,
  outputSchema: z.object({ taskId: z.string(), assigneeId: z.string() }),
  async run({ config, record, crm, now, businessHours = DEFAULT_BUSINESS_HOURS }) {
    const target = await crm.getRecord(record);
    const assigneeId = config.assignee.kind === 'record_owner' ? target.ownerId : config.assignee.userId;
    if (!assigneeId)
      throw new BatonError('NO_ASSIGNEE_AVAILABLE', 'The task has nobody to go to: the record has no owner');
    const task = await crm.createTask({
      title: config.title,
      description: config.description,
      assigneeId,
      dueAt:
        config.dueInBusinessHours === undefined
          ? addBusinessDaysIn(now, config.dueInBusinessDays, businessHours)
          : addBusinessMinutes(now, config.dueInBusinessHours * 60, businessHours),
      priority: config.priority,
      record,
    });
    return { taskId: task.id, assigneeId };
  },
});
