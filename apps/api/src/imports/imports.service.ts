import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { z } from 'zod';
import { BatonError } from '@baton/domain';
import { fieldsOf, recordChange } from '../accounts/crm-events';
import { parseOrThrow } from '../common/zod.pipe';
import { createContactSchema, type CreateContactInput } from '../contacts/contact.dto';
import { Contact } from '../contacts/contact.entity';
import { createLeadSchema, type CreateLeadInput } from '../leads/lead.dto';
import { Lead } from '../leads/lead.entity';
import { leadFields } from '../leads/lead.view';
import { created } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import { User } from '../users/user.entity';
import { CsvParser, isBlank, type CsvRecord } from './csv-parser';
import { ImportJob, type ImportEntity, type ImportRowError } from './import-job.entity';
import { mappingSchema, type ImportErrors, type ImportQuery, type ImportView } from './import.dto';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const BATCH_ROWS = 500;
export const MAX_REPORTED_ERRORS = 1000;
const PROGRESS_EVERY_MS = 300;

// The same event fields LeadsService and ContactsService publish for records made through the API.
const LEAD_EVENT_FIELDS = [
  'name',
  'email',
  'company',
  'phone',
  'source',
  'status',
  'score',
  'region',
  'ownerId',
] as const;
const CONTACT_EVENT_FIELDS = ['name', 'email', 'phone', 'title', 'owner', 'accounts', 'archivedAt'] as const;

// Columns a CSV may fill; the API's create schema then validates each row.
const COLUMNS: Record<ImportEntity, readonly string[]> = {
  leads: ['name', 'email', 'company', 'phone', 'source', 'score', 'region'],
  contacts: ['name', 'email', 'phone', 'title', 'ownerId'],
};
const NUMERIC = new Set(['score']);
const SCHEMAS: Record<ImportEntity, z.ZodType> = { leads: createLeadSchema, contacts: createContactSchema };

interface GoodRow {
  row: number;
  line: number;
  data: Record<string, unknown>;
}

/** A file-level problem: the job fails with this one report entry. */
class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

function rowError(row: number, line: number, code: string, message: string, field: string | null = null) {
  return { row, line, code, message, field } satisfies ImportRowError;
}

// zod issues as stable, spreadsheet-friendly codes.
function issueCode(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'REQUIRED' : 'INVALID_TYPE';
    case 'too_small':
      return issue.origin === 'string' ? 'REQUIRED' : 'OUT_OF_RANGE';
    case 'too_big':
      return issue.origin === 'string' ? 'TOO_LONG' : 'OUT_OF_RANGE';
    case 'invalid_format':
      return 'INVALID_FORMAT';
    case 'invalid_value':
      return 'INVALID_VALUE';
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return 'INVALID';
  }
}

/** Runs CSV imports: streams the request body, validates row by row, stores good rows in batches. */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('imports');

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  /** Reads the upload as it arrives and answers when the whole file has been imported. */
  async import(req: Request, query: ImportQuery, actor: User): Promise<ImportView> {
    const contentType = (req.headers['content-type'] ?? '').toLowerCase();
    if (!/^text\/csv\s*(;|$)/.test(contentType)) {
      throw new BatonError('VALIDATION_FAILED', 'Send the file with Content-Type: text/csv', {
        field: 'content-type',
      });
    }
    const charset = /charset\s*=\s*"?([\w-]+)/.exec(contentType)?.[1];
    if (charset && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) {
      throw new BatonError('VALIDATION_FAILED', 'Send the file as UTF-8', { field: 'charset' });
    }
    const length = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
    if (length !== null && length > MAX_IMPORT_BYTES) throw this.tooLarge();
    const mapping = this.mapping(query);

    const job = await this.start(query, actor, length);
    const run = new ImportRun(job, query.entity, mapping, actor, this);
    // A file refused as a whole (bad header, empty) is still read to the end, dropping the bytes,
    // so the client gets the answer rather than a reset connection.
    let refused = false;
    const step = async (work: () => Promise<void>): Promise<void> => {
      if (refused) return;
      try {
        await work();
      } catch (error) {
        if (!(error instanceof FileError)) throw error;
        refused = true;
        await run.fail(error);
      }
    };
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        run.bytesRead += chunk.length;
        if (run.bytesRead > MAX_IMPORT_BYTES) throw this.tooLarge();
        await step(() => run.records(run.parser.push(chunk)));
      }
      await step(() => run.records(run.parser.end()));
      await step(() => run.finish());
    } catch (error) {
      await run.fail(error);
      if (error instanceof BatonError && error.code === 'PAYLOAD_TOO_LARGE') {
        // The rest of the upload is not read: close the connection after the answer.
        req.res?.setHeader('Connection', 'close');
      }
      throw error;
    }
    return this.view(
      await this.em.fork().findOneOrFail(ImportJob, { id: job.id }, { populate: ['createdBy'] }),
    );
  }

  async get(id: string, viewer: User): Promise<ImportView> {
    return this.view(await this.find(id, viewer));
  }

  async errors(id: string, viewer: User): Promise<ImportErrors> {
    const job = await this.find(id, viewer);
    return { items: job.errors, total: job.failed, truncated: job.failed > job.errors.length };
  }

  private async find(id: string, viewer: User): Promise<ImportJob> {
    const job = await this.em.fork().findOne(ImportJob, { id }, { populate: ['createdBy'] });
    // Reps see their own imports; managers and admins all of them.
    const visible = job && (viewer.role !== 'sales_rep' || job.createdBy?.id === viewer.id);
    if (!visible) throw new BatonError('NOT_FOUND', 'No import with this id', { id });
    return job;
  }

  view(job: ImportJob): ImportView {
    let percent: number | null = null;
    if (job.status === 'completed') percent = 100;
    else if (job.bytesTotal) {
      // Bytes can all be read before the last batch commits: 100 only once it is done.
      percent = Math.min(99, Math.floor((job.bytesRead / job.bytesTotal) * 100));
    } else if (job.bytesTotal === 0) percent = job.status === 'running' ? 0 : null;
    return {
      id: job.id,
      entity: job.entity,
      status: job.status,
      totalRows: job.totalRows,
      processed: job.processed,
      succeeded: job.succeeded,
      failed: job.failed,
      rowsPerSecond: Math.round(job.rowsPerSecond * 10) / 10,
      percent,
      bytesRead: job.bytesRead,
      bytesTotal: job.bytesTotal,
      startedAt: job.startedAt?.toISOString() ?? null,
      finishedAt: job.finishedAt?.toISOString() ?? null,
      createdAt: job.createdAt.toISOString(),
      createdBy: job.createdBy ? { id: job.createdBy.id, name: job.createdBy.name } : null,
      errorsTruncated: job.failed > job.errors.length,
    };
  }

  private tooLarge(): BatonError {
    return new BatonError(
      'PAYLOAD_TOO_LARGE',
      `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    );
  }

  private mapping(query: ImportQuery): Record<string, string> | null {
    if (query.mapping === undefined) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(query.mapping);
    } catch {
      throw new BatonError('VALIDATION_FAILED', 'mapping is not valid JSON', { field: 'mapping' });
    }
    const mapping = parseOrThrow(mappingSchema, raw, 'mapping');
    const columns = COLUMNS[query.entity];
    for (const [header, field] of Object.entries(mapping)) {
      if (field !== '' && !columns.includes(field)) {
        throw new BatonError('VALIDATION_FAILED', `mapping: "${header}" → unknown field "${field}"`, {
          field: 'mapping',
          allowed: columns,
        });
      }
    }
    return mapping;
  }

  private async start(query: ImportQuery, actor: User, length: number | null): Promise<ImportJob> {
    const em = this.em.fork();
    if (query.id && (await em.count(ImportJob, { id: query.id })) > 0) {
      throw new BatonError('CONFLICT', 'An import with this id already exists', { id: query.id });
    }
    const job = em.create(ImportJob, {
      ...(query.id ? { id: query.id } : {}),
      entity: query.entity,
      status: 'running',
      startedAt: new Date(),
      bytesTotal: length,
      createdBy: em.getReference(User, actor.id),
    });
    await em.flush();
    return job;
  }

  /** Saves the job's counters; the report is rewritten only when it grew. */
  async saveProgress(job: ImportJob, fields: Partial<ImportJob>): Promise<void> {
    await this.em.fork().nativeUpdate(ImportJob, { id: job.id }, fields);
  }

  /** Stores one batch: each record with its `<entity>.created` event, in one transaction. */
  async store(entity: ImportEntity, rows: GoodRow[], actor: User): Promise<ImportRowError[]> {
    if (rows.length === 0) return [];
    try {
      const failed = await this.em.fork().transactional((tx) => this.insert(tx, entity, rows, actor));
      this.outbox.committed();
      return failed;
    } catch (error) {
      if (rows.length === 1) {
        this.logger.warn(`import row ${rows[0]!.row} not stored: ${String(error)}`);
        return [rowError(rows[0]!.row, rows[0]!.line, 'STORE_FAILED', 'The row could not be stored')];
      }
      // One bad row should not cost the batch: store the rows one by one to find it.
      const failed: ImportRowError[] = [];
      for (const row of rows) failed.push(...(await this.store(entity, [row], actor)));
      return failed;
    }
  }

  private async insert(
    tx: EntityManager,
    entity: ImportEntity,
    rows: GoodRow[],
    actor: User,
  ): Promise<ImportRowError[]> {
    const failed: ImportRowError[] = [];
    if (entity === 'leads') {
      for (const { data } of rows) {
        // No owner: the lead.created workflows (routing) assign it, as for leads made in the app.
        const lead = tx.create(Lead, { ...(data as CreateLeadInput) });
        this.outbox.record(tx, {
          type: 'lead.created',
          aggregateType: 'lead',
          aggregateId: lead.id,
          actorId: actor.id,
          changes: created(leadFields(lead), LEAD_EVENT_FIELDS),
        });
      }
      return failed;
    }
    const ownerIds = [...new Set(rows.map((r) => (r.data as CreateContactInput).ownerId).filter(Boolean))];
    const owners = new Map(
      (await tx.find(User, { id: { $in: ownerIds as string[] }, active: true })).map((u) => [u.id, u]),
    );
    const importer = tx.getReference(User, actor.id);
    for (const { row, line, data } of rows) {
      const { ownerId, accounts: _accounts, ...fields } = data as CreateContactInput;
      const owner = ownerId ? owners.get(ownerId) : importer;
      if (!owner) {
        failed.push(rowError(row, line, 'UNKNOWN_OWNER', 'The owner is not an active user', 'ownerId'));
        continue;
      }
      // Owned by the importer unless the row names an owner, as with POST /api/contacts.
      const contact = tx.create(Contact, { ...fields, owner });
      const snapshot = { ...fieldsOf(contact), owner: owner.id, accounts: [] };
      recordChange(this.outbox, tx, { type: 'contact', id: contact.id }, 'created', actor, {
        ...created(snapshot, CONTACT_EVENT_FIELDS),
      });
    }
    return failed;
  }

  columns(entity: ImportEntity): readonly string[] {
    return COLUMNS[entity];
  }
}

/** The state of one import while its file streams in. */
class ImportRun {
  readonly parser = new CsvParser();
  bytesRead = 0;
  private header: Array<string | null> | null = null;
  private row = 0;
  private processed = 0;
  private succeeded = 0;
  private failed = 0;
  private readonly errors: ImportRowError[] = [];
  private pending: GoodRow[] = [];
  private lastSave = Date.now();
  private readonly startedAt = Date.now();

  constructor(
    private readonly job: ImportJob,
    private readonly entity: ImportEntity,
    private readonly mapping: Record<string, string> | null,
    private readonly actor: User,
    private readonly service: ImportsService,
  ) {}

  async records(records: CsvRecord[]): Promise<void> {
    for (const record of records) {
      if (isBlank(record)) continue;
      if (!this.header) {
        this.header = this.readHeader(record);
        continue;
      }
      this.row += 1;
      const good = this.validate(record);
      if (good) this.pending.push(good);
      if (this.pending.length >= BATCH_ROWS) await this.flush();
    }
    if (Date.now() - this.lastSave >= PROGRESS_EVERY_MS) await this.save();
  }

  async finish(): Promise<void> {
    if (!this.header) throw new FileError('EMPTY_FILE', 'The file is empty: it needs a header row');
    await this.flush();
    await this.save({ status: 'completed', totalRows: this.processed, finishedAt: new Date() });
  }

  async fail(error: unknown): Promise<void> {
    let entry: ImportRowError;
    if (error instanceof FileError) entry = rowError(0, 1, error.code, error.message, error.field);
    else if (error instanceof BatonError) entry = rowError(0, 0, error.code, error.message);
    else {
      const aborted = (error as { code?: string } | null)?.code === 'ECONNRESET';
      entry = aborted
        ? rowError(0, 0, 'UPLOAD_ABORTED', 'The upload stopped before the end of the file')
        : rowError(0, 0, 'INTERNAL', 'The import stopped because of an error on our side');
    }
    // Rows stored so far stay stored; the failure heads the report.
    this.errors.unshift(entry);
    if (this.errors.length > MAX_REPORTED_ERRORS) this.errors.length = MAX_REPORTED_ERRORS;
    try {
      await this.save({ status: 'failed', finishedAt: new Date() });
    } catch (saveError) {
      new Logger('imports').error(
        `could not record the failure of import ${this.job.id}: ${String(saveError)}`,
      );
    }
  }

  private readHeader(record: CsvRecord): Array<string | null> {
    if (record.badEncoding)
      throw new FileError('BAD_ENCODING', 'The header row is not valid UTF-8; save the file as UTF-8');
    if (record.tooLarge || record.unterminated)
      throw new FileError('MALFORMED_CSV', 'The header row could not be read');
    const columns = this.service.columns(this.entity);
    const header = record.fields.map((raw) => {
      const name = raw.trim();
      if (this.mapping && name in this.mapping) return this.mapping[name] || null;
      return columns.find((c) => c.toLowerCase() === name.toLowerCase()) ?? undefined;
    });
    const unknown = record.fields.filter((_, i) => header[i] === undefined);
    if (unknown.length > 0) {
      throw new FileError(
        'UNKNOWN_COLUMN',
        `Unknown column(s): ${unknown.join(', ')}; map them to one of ${columns.join(', ')} or to "" to skip`,
        unknown[0] ?? null,
      );
    }
    const targets = header.filter((h): h is string => typeof h === 'string');
    const twice = targets.find((t, i) => targets.indexOf(t) !== i);
    if (twice) throw new FileError('DUPLICATE_COLUMN', `Two columns fill "${twice}"`, twice);
    if (!targets.includes('name'))
      throw new FileError('MISSING_COLUMN', 'The file needs a "name" column', 'name');
    return header as Array<string | null>;
  }

  private validate(record: CsvRecord): GoodRow | null {
    const { row, line } = { row: this.row, line: record.line };
    this.processed += 1;
    const reject = (code: string, message: string, field: string | null = null): null => {
      this.reject(rowError(row, line, code, message, field));
      return null;
    };
    if (record.badEncoding)
      return reject('BAD_ENCODING', 'The row is not valid UTF-8; save the file as UTF-8');
    if (record.tooLarge) return reject('ROW_TOO_LARGE', 'The row is larger than 1 MB');
    if (record.unterminated) return reject('MALFORMED_CSV', 'A quoted field is never closed');
    const header = this.header!;
    if (record.fields.length !== header.length) {
      return reject(
        'FIELD_COUNT',
        `The row has ${record.fields.length} field(s); the header has ${header.length}`,
      );
    }
    const data: Record<string, unknown> = {};
    header.forEach((field, i) => {
      const value = record.fields[i]!;
      if (!field || value.trim() === '') return;
      data[field] = NUMERIC.has(field) && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    });
    const result = SCHEMAS[this.entity].safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
      const value = field ? data[field] : undefined;
      return reject(issueCode(issue, value), `${field ?? 'row'}: ${issue.message}`, field);
    }
    return { row, line, data: result.data as Record<string, unknown> };
  }

  private reject(error: ImportRowError): void {
    this.failed += 1;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error);
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const failed = await this.service.store(this.entity, batch, this.actor);
    this.succeeded += batch.length - failed.length;
    for (const error of failed) this.reject(error);
    this.errors.sort((a, b) => a.row - b.row);
    await this.save();
  }

  private async save(extra: Partial<ImportJob> = {}): Promise<void> {
    this.lastSave = Date.now();
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 0.001);
    // Rows waiting for their batch are counted once stored or rejected.
    const done = this.succeeded + this.failed;
    await this.service.saveProgress(this.job, {
      processed: done,
      succeeded: this.succeeded,
      failed: this.failed,
      rowsPerSecond: done / seconds,
      bytesRead: this.bytesRead,
      errors: [...this.errors],
      ...extra,
    });
  }
}
