import { z } from 'zod';
import { IMPORT_ENTITIES, IMPORT_STATUSES } from './import-job.entity';

export const importQuerySchema = z.strictObject({
  entity: z.enum(IMPORT_ENTITIES).describe('What each row becomes'),
  mapping: z
    .string()
    .max(10_000)
    .optional()
    .describe(
      'JSON object: CSV header → field name ("" ignores the column); default: headers are field names',
    ),
  id: z
    .uuid()
    .optional()
    .describe('Id for the new import, chosen by the client so it can poll progress while uploading'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const mappingSchema = z
  .record(z.string().max(200), z.string().max(100))
  .refine((m) => Object.keys(m).length <= 100, 'At most 100 columns');

export const importRowErrorSchema = z.object({
  row: z.number().describe('Data row, 1 = first row after the header; 0 = the file as a whole'),
  line: z.number().describe('Line of the file where the row starts'),
  code: z.string(),
  message: z.string(),
  field: z.string().nullable(),
});

export const importViewSchema = z.object({
  id: z.uuid(),
  entity: z.enum(IMPORT_ENTITIES),
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number().nullable().describe('Known once the whole file is read'),
  processed: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  rowsPerSecond: z.number(),
  percent: z.number().nullable().describe('0–100 from bytes read / Content-Length; null when unknown'),
  bytesRead: z.number(),
  bytesTotal: z.number().nullable(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  errorsTruncated: z.boolean().describe('More rows failed than the report keeps'),
});
export type ImportView = z.infer<typeof importViewSchema>;

export const importErrorsSchema = z.object({
  items: z.array(importRowErrorSchema),
  total: z.number().describe('Rows that failed, including any beyond the report'),
  truncated: z.boolean(),
});
export type ImportErrors = z.infer<typeof importErrorsSchema>;
