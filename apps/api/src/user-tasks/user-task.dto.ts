import { z } from 'zod';
import { text } from '../accounts/crm-list';
import { RECORD_TYPES } from '../record-links/record-link';
import { TASK_PRIORITIES } from '../tasks/task.entity';

export const createUserTaskSchema = z
  .strictObject({
    title: text(300),
    description: text(20_000).optional(),
    dueAt: z.iso.datetime({ offset: true }),
    priority: z.enum(TASK_PRIORITIES).optional().describe('Defaults to normal'),
    assigneeId: z.uuid().optional().describe('Defaults to you; reps may only assign themselves'),
    recordType: z.enum(RECORD_TYPES).optional(),
    recordId: z.uuid().optional(),
  })
  .refine((t) => (t.recordType === undefined) === (t.recordId === undefined), {
    message: 'recordType and recordId go together',
    path: ['recordId'],
  });
export type CreateUserTaskInput = z.infer<typeof createUserTaskSchema>;

export const snoozeTaskSchema = z.strictObject({
  until: z.iso.datetime({ offset: true }).describe('The new due time; must be in the future'),
});
export type SnoozeTaskInput = z.infer<typeof snoozeTaskSchema>;

export const reassignRequestSchema = z.strictObject({
  reason: text(500).describe('Why someone else should take the task (1–500 characters)'),
  suggestedAssigneeId: z.uuid().optional().describe('An active colleague who could take it'),
});
export type ReassignRequestInput = z.infer<typeof reassignRequestSchema>;

export const reassignTaskSchema = z.strictObject({
  assigneeId: z.uuid().describe('The active user who takes the task over'),
});
export type ReassignTaskInput = z.infer<typeof reassignTaskSchema>;
