import { z } from 'zod';

export const restoreBodySchema = z
  .strictObject({
    /** Publish the restored copy at once (admins only); otherwise it waits as a draft. */
    publish: z.boolean().default(false),
    /** Kept with the new version (and as the publish note); defaults to "Restored from vN". */
    note: z.string().trim().min(1).max(500).optional(),
  })
  // A bare POST restores as a draft.
  .default({ publish: false });
export type RestoreBody = z.infer<typeof restoreBodySchema>;

export const diffQuerySchema = z.strictObject({
  /** Also list the steps and triggers that only moved on the canvas. */
  layout: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type DiffQuery = z.infer<typeof diffQuerySchema>;

const personSchema = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const VERSION_STATES = ['draft', 'active', 'superseded'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const versionHistoryItemSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  /** `active`: the published version new runs start with; `superseded`: published before it. */
  state: z.enum(VERSION_STATES),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** null for versions Baton shipped with (no one saved them). */
  createdBy: personSchema,
  publishedAt: z.iso.datetime().nullable(),
  publishedBy: personSchema,
  /** The version this one was restored from, when it was made by a restore. */
  restoredFrom: z.number().int().nullable(),
  /** Changes from the previous version (moves on the canvas not counted); null for the first. */
  changes: z.number().int().nullable(),
});
export type VersionHistoryItem = z.infer<typeof versionHistoryItemSchema>;

export const versionHistorySchema = z.object({
  workflowId: z.uuid(),
  activeVersion: z.number().int().nullable(),
  /** Newest first. */
  items: z.array(versionHistoryItemSchema),
});

const fieldChangeSchema = z.object({
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
const entry = z.record(z.string(), z.unknown());
const entryChangeSchema = z.discriminatedUnion('change', [
  z.object({ change: z.literal('added'), id: z.string(), after: entry }),
  z.object({ change: z.literal('removed'), id: z.string(), before: entry }),
  z.object({
    change: z.literal('changed'),
    id: z.string(),
    before: entry,
    after: entry,
    fields: z.array(fieldChangeSchema),
  }),
]);

export const versionDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  workflow: z.array(fieldChangeSchema),
  triggers: z.array(entryChangeSchema),
  steps: z.array(entryChangeSchema),
  transitions: z.array(entryChangeSchema),
  moved: z.array(z.string()),
  changeCount: z.number().int(),
  layoutOnly: z.boolean(),
});
