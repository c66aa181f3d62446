import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { RequestContext } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityType, WorkflowDefinition } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { MikroCrmGateway } from '../engine/crm-gateway';
import { RunOnRecordService } from '../runs/run-on-record.service';
import type { User } from '../users/user.entity';
import { enters } from './backtest-entry';
import { BacktestTally } from './backtest-tally';
import { Backtest, BACKTEST_INTERRUPTED } from './backtest.entity';

// Each dry run is a short Temporal workflow plus a few step transactions: a few at a time keeps
// a backtest from crowding out real runs on the same worker and database pool.
const CONCURRENCY = 4;
const PROGRESS_EVERY_MS = 500;
const HEARTBEAT_MS = 20_000;

export interface BacktestJob {
  id: string;
  workflowId: string;
  entity: EntityType;
  /** Newest first. */
  recordIds: string[];
  candidate: { version: number; definition: WorkflowDefinition };
  published: { version: number; definition: WorkflowDefinition } | null;
  actor: User;
}

type Outcome = { entered: false } | { entered: true; path: string[]; failed: boolean };

/** Dry-runs a backtest's records in the background and writes its progress as it goes. */
@Injectable()
export class BacktestRunnerService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('backtests');
  private readonly active = new Set<string>();
  private stopping = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly runs: RunOnRecordService,
  ) {}

  run(job: BacktestJob): void {
    this.active.add(job.id);
    void this.work(job)
      .catch((err: unknown) => this.logger.error(`backtest ${job.id} failed: ${String(err)}`))
      .finally(() => this.active.delete(job.id));
  }

  /** Running backtests are marked interrupted: their dry runs cannot finish once the worker stops. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.active.size === 0) return;
    await this.orm.em.fork().nativeUpdate(
      Backtest,
      { id: { $in: [...this.active] }, status: 'running' },
      {
        status: 'failed',
        error: { ...BACKTEST_INTERRUPTED },
        finishedAt: new Date(),
      },
    );
  }

  private async work(job: BacktestJob): Promise<void> {
    const candidate = new BacktestTally(job.candidate.version);
    const compared = job.published ? new BacktestTally(job.published.version) : null;
    let done = 0;
    let failure: { code: string; message: string } | null = null;
    let lastWrite = 0;
    // One write at a time, so progress never goes backwards when two land out of order.
    let writing = Promise.resolve();
    const write = (force: boolean): Promise<void> => {
      if (this.stopping || (!force && Date.now() - lastWrite < PROGRESS_EVERY_MS)) return writing;
      lastWrite = Date.now();
      const update = {
        done,
        results: { ...candidate.toJSON(), comparedWith: compared?.toJSON() ?? null },
        updatedAt: new Date(),
      };
      writing = writing
        .then(() => this.orm.em.fork().nativeUpdate(Backtest, { id: job.id, status: 'running' }, update))
        .then(
          () => undefined,
          (err: unknown) => this.logger.warn(`backtest ${job.id} progress not saved: ${String(err)}`),
        );
      return writing;
    };
    const heartbeat = setInterval(() => void write(true), HEARTBEAT_MS);
    try {
      await eachConcurrently(job.recordIds, CONCURRENCY, async (recordId) => {
        if (failure !== null || this.stopping) return;
        try {
          const fields = await this.fields(job.entity, recordId);
          const mine = await this.outcome(job, job.candidate, recordId, fields);
          count(candidate, mine);
          if (compared && job.published) {
            const same = job.published.version === job.candidate.version;
            count(compared, same ? mine : await this.outcome(job, job.published, recordId, fields));
          }
          done += 1;
          await write(false);
        } catch (err) {
          failure ??= describe(err);
        }
      });
    } finally {
      clearInterval(heartbeat);
    }
    await writing;
    if (this.stopping) return;
    await this.orm.em.fork().nativeUpdate(
      Backtest,
      { id: job.id, status: 'running' },
      {
        status: failure ? 'failed' : 'completed',
        error: failure,
        done,
        results: { ...candidate.toJSON(), comparedWith: compared?.toJSON() ?? null },
        updatedAt: new Date(),
        finishedAt: new Date(),
      },
    );
  }

  private async outcome(
    job: BacktestJob,
    version: { version: number; definition: WorkflowDefinition },
    recordId: string,
    fields: Record<string, unknown> | null,
  ): Promise<Outcome> {
    if (fields === null || !enters(version.definition, job.entity, fields, new Date())) {
      return { entered: false };
    }
    try {
      const result = await RequestContext.create(this.orm.em, () =>
        this.runs.dryRun(
          job.workflowId,
          version.version,
          { recordId, recordType: job.entity, approvals: 'approved' },
          job.actor,
        ),
      );
      return { entered: true, path: result.path, failed: result.status === 'failed' };
    } catch (err) {
      // Deleted since it was picked: it cannot enter any more.
      if (err instanceof BatonError && err.code === 'NOT_FOUND') return { entered: false };
      throw err;
    }
  }

  /** The record as trigger conditions see it; null once it is gone. */
  private async fields(entity: EntityType, id: string): Promise<Record<string, unknown> | null> {
    try {
      return (await new MikroCrmGateway(this.orm.em.fork()).getRecord({ type: entity, id })).fields;
    } catch (err) {
      if (err instanceof BatonError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }
}

function count(tally: BacktestTally, outcome: Outcome): void {
  if (outcome.entered) tally.enter(outcome.path, outcome.failed);
  else tally.skip();
}

function describe(err: unknown): { code: string; message: string } {
  if (err instanceof BatonError) return { code: err.code, message: err.message };
  return {
    code: 'INTERNAL',
    message: `A dry run did not finish: ${err instanceof Error ? err.message : String(err)}`,
  };
}

/** Calls `work` on every item, at most `limit` at a time, in the items' order. */
async function eachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
