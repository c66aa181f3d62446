import { z } from 'zod';
import { ROLES } from '@baton/domain';

export const userDirectoryEntrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(ROLES),
  managerId: z.uuid().nullable().describe('Whom they report to; managers and admins see their team from it'),
});
export type UserDirectoryEntry = z.infer<typeof userDirectoryEntrySchema>;

export const userDirectorySchema = z.object({ items: z.array(userDirectoryEntrySchema) });
