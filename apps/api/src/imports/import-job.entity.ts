import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

export const IMPORT_ENTITIES = ['leads', 'contacts'] as const;
export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One rejected row: `row` is the data row (1 = first after the header, 0 = the file itself). */
export interface ImportRowError {
  row: number;
  line: number;
  code: string;
  message: string;
  field: string | null;
}

/** A CSV import and its progress; the per-row report is capped at MAX_REPORTED_ERRORS entries. */
@Entity({ tableName: 'imports' })
export class ImportJob {
  [OptionalProps]?:
    | 'status'
    | 'totalRows'
    | 'processed'
    | 'succeeded'
    | 'failed'
    | 'rowsPerSecond'
    | 'bytesTotal'
    | 'bytesRead'
    | 'startedAt'
    | 'finishedAt'
    | 'errors'
    | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => [...IMPORT_ENTITIES] })
  entity!: ImportEntity;

  @Enum({ items: () => [...IMPORT_STATUSES] })
  status: ImportStatus = 'queued';

  @Property({ type: 'integer', nullable: true })
  totalRows: number | null = null;

  @Property({ type: 'integer' })
  processed: number = 0;

  @Property({ type: 'integer' })
  succeeded: number = 0;

  @Property({ type: 'integer' })
  failed: number = 0;

  @Property({ type: 'float', columnType: 'double precision' })
  rowsPerSecond: number = 0;

  /** The upload's Content-Length, when the client sent one. */
  @Property({ type: 'integer', nullable: true })
  bytesTotal: number | null = null;

  @Property({ type: 'integer' })
  bytesRead: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'jsonb' })
  errors: ImportRowError[] = [];

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
