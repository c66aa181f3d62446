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
