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
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskPageSchema = z.object({ items: z.array(taskViewSchema), nextCursor: z.string().nullable() });
