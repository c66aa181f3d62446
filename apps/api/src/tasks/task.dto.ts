import { z } from 'zod';
import { limitSchema } from '../common/pagination';
import { TASK_PRIORITIES, TASK_STATUSES } from './task.entity';

export const listTasksQuerySchema = z.strictObject({
  assignee: z.union([z.literal('me'), z.uuid()]).default('me'),
  status: z.enum(TASK_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

const originSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('workflow'),
    workflowId: z.uuid().nullable(),
    workflowName: z.string(),
    version: z.number(),
    runId: z.string(),
    stepId: z.string(),
  }),
  z.object({ kind: z.literal('user'), userId: z.uuid().nullable(), name: z.string().nullable() }),
]);

export const taskViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  dueAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }),
  record: z.object({ type: z.string(), id: z.uuid(), label: z.string() }).nullable(),
  origin: originSchema,
  reassignRequest: z
    .object({
      requestedAt: z.iso.datetime(),
      reason: z.string(),
      suggestedAssignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    })
    .nullable()
    .describe('The assignee asked for the task to go to someone else; pending until it is reassigned or done')
    .meta({
      examples: [
        {
          requestedAt: '2026-11-26T10:15:00Z',
          reason: 'I am at the customer site all week; Sam knows this account.',
          suggestedAssignee: { id: '3d0f6c2a-8b1e-4f7a-9c2d-5e6f7a8b9c0d', name: 'Sam Seller' },
        },
      ],
    }),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskPageSchema = z.object({ items: z.array(taskViewSchema), nextCursor: z.string().nullable() });
