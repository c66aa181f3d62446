import { z } from 'zod';
import { addBusinessDays, BatonError } from '@baton/domain';
import { Task, TASK_PRIORITIES } from '../../tasks/task.entity';
import { User } from '../../users/user.entity';
import { loadLead } from '../records';
import { defineStepHandler } from '../step-handler';

const configSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  assignee: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('record_owner') }),
      z.strictObject({ kind: z.literal('user'), userId: z.uuid() }),
    ])
    .default({ kind: 'record_owner' }),
  dueInBusinessDays: z.number().int().min(0).max(365).default(1),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
});

/** Puts a task in someone's inbox, linked to the record and to the run that created it. */
export const createTaskStep = defineStepHandler({
  type: 'create_task',
  title: 'Create task',
  category: 'Tasks',
  configSchema,
  async run({ config, input, em }) {
    const existing = await em.findOne(Task, { idempotencyKey: input.idempotencyKey });
    if (existing) return { taskId: existing.id };

    const lead = await loadLead(em, input.context.record);
    const assignee =
      config.assignee.kind === 'record_owner' ? lead.owner : await em.findOne(User, { id: config.assignee.userId });
    if (!assignee) {
      throw new BatonError('NO_ASSIGNEE_AVAILABLE', 'The task has nobody to go to: the record has no owner');
    }
    const { origin } = input;
    const task = em.create(Task, {
      title: config.title,
      description: config.description ?? null,
      priority: config.priority,
      dueAt: addBusinessDays(new Date(), config.dueInBusinessDays),
      assignee,
      recordType: 'lead',
      recordId: lead.id,
      recordLabel: lead.company ? `${lead.name} (${lead.company})` : lead.name,
      runId: origin.runId,
      workflowId: origin.workflowId,
      workflowName: origin.workflowName,
      workflowVersion: origin.version,
      stepId: input.stepId,
      idempotencyKey: input.idempotencyKey,
    });
    return { taskId: task.id, assigneeId: assignee.id };
  },
});
