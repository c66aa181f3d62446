import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const BACKTEST_STATUSES = ['running', 'completed', 'failed'] as const;
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number];

/** How one version fared over the sampled records. */
export interface BacktestSide {
  version: number;
  entered: number;
  notEntered: number;
  /** Entered records whose dry run ended in a failed step (their path ends at that step). */
  failed: number;
  /** Most frequent first. */
  byPath: Array<{ path: string[]; count: number }>;
}

/** Why a backtest left `running` without finishing: the process running it stopped. */
export const BACKTEST_INTERRUPTED = {
  code: 'BACKTEST_INTERRUPTED',
  message: 'Baton stopped before the backtest finished; start it again',
} as const;

export interface BacktestResults extends BacktestSide {
  /** The published version over the same records; null when nothing is published. */
  comparedWith: BacktestSide | null;
}

/**
 * A version dry-run over the newest records of its trigger's entity, beside the published version.
 * Kept in a table, not in memory, so any API replica can answer for it and it outlives a restart.
 */
@Entity({ tableName: 'backtests' })
export class Backtest {
  [OptionalProps]?: 'status' | 'done' | 'error' | 'createdAt' | 'updatedAt' | 'finishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  workflowId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'integer', nullable: true })
  comparedVersion!: number | null;

  @Property({ type: 'text' })
  entity!: string;

  /** How many records were asked for; `total` is how many there were. */
  @Property({ type: 'integer' })
  sampleSize!: number;

  @Enum({ items: () => [...BACKTEST_STATUSES] })
  status: BacktestStatus = 'running';

  @Property({ type: 'integer' })
  total!: number;

  @Property({ type: 'integer' })
  done: number = 0;

  @Property({ type: 'jsonb' })
  results!: BacktestResults;

  @Property({ type: 'jsonb', nullable: true })
  error: { code: string; message: string } | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Touched with every progress write: a running backtest that stops being touched was interrupted. */
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;
}
