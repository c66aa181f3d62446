import { z } from 'zod';
import { cursorParamSchema, pageSchema } from '../accounts/crm-list';
import { limitSchema } from '../common/pagination';
import { RECORD_TYPES, recordLinkSchema } from '../record-links/record-link';
import { NOTE_VISIBILITIES } from './note.entity';

const body = z.string().trim().min(1).max(20_000);
const sharedWith = z
  .array(z.uuid())
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'Each user only once')
  .describe('Users who may read a shared note besides its author');

const sharingIsConsistent = (n: { visibility?: string; sharedWith?: string[] }) =>
  n.visibility !== 'private' || !n.sharedWith || n.sharedWith.length === 0;
const sharingIssue = { message: 'A private note is shared with nobody', path: ['sharedWith'] };

export const createNoteSchema = z
  .strictObject({
    body,
    visibility: z.enum(NOTE_VISIBILITIES).optional().describe('Defaults to private'),
    sharedWith: sharedWith.optional(),
    ...recordLinkSchema,
  })
  .refine(sharingIsConsistent, sharingIssue);
export type CreateNoteInput = z.infer<typeof createNoteSchema>;

export const updateNoteSchema = z
  .strictObject({
    version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
    body: body.optional(),
    visibility: z.enum(NOTE_VISIBILITIES).optional(),
    sharedWith: sharedWith.optional().describe('Replaces the whole list'),
  })
  .refine(sharingIsConsistent, sharingIssue);
export type UpdateNoteInput = z.infer<typeof updateNoteSchema>;

export const listNotesQuerySchema = z.strictObject({
  ...recordLinkSchema,
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListNotesQuery = z.infer<typeof listNotesQuerySchema>;

const userRef = z.object({ id: z.uuid(), name: z.string() });

export const noteViewSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  record: z.object({ type: z.enum(RECORD_TYPES), id: z.uuid() }),
  author: userRef,
  visibility: z.enum(NOTE_VISIBILITIES),
  sharedWith: z.array(userRef),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number(),
});
export type NoteView = z.infer<typeof noteViewSchema>;

export const notePageSchema = pageSchema(noteViewSchema);
