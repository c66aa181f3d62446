import { z } from 'zod';
import { limitSchema } from '../common/pagination';

export const listAuditQuerySchema = z.strictObject({
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  actorId: z.uuid().optional(),
  cursor: z.string().max(1000).optional(),
  limit: limitSchema,
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const auditEntryViewSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntryViewSchema),
  nextCursor: z.string().nullable(),
});
