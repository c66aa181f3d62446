import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException, type EntityClass } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { EntityType } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { RECORD_ADAPTERS } from '../engine/records/adapters';
import type { User } from '../users/user.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Workflow } from '../workflows/workflow.entity';
import { BacktestRunnerService } from './backtest-runner.service';
import { BacktestTally } from './backtest-tally';
import { Backtest, BACKTEST_INTERRUPTED } from './backtest.entity';
import type { BacktestView, StartBacktestBody } from './backtest.dto';

// The runner writes progress at least every 20 s (a dry run gives up after 60 s); a running
// backtest untouched for this long lost its process.
const STALE_AFTER_MS = 120_000;

/** Starts backtests and reports on them; the runner does the dry runs in the background. */
@Injectable()
export class BacktestsService {
  constructor(
    private readonly em: EntityManager,
    private readonly runner: BacktestRunnerService,
  ) {}

  async start(
    workflowId: string,
    versionNumber: number,
    body: StartBacktestBody,
    actor: User,
  ): Promise<BacktestView> {
    const workflow = await this.em.findOne(Workflow, { id: workflowId });
    if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id: workflowId });
    const version = await this.em.findOne(WorkflowVersion, { workflow, version: versionNumber });
    if (!version) {
      throw new BatonError('NOT_FOUND', `Workflow ${workflow.key} has no version ${versionNumber}`);
    }
    const published = workflow.activeVersionId
      ? await this.em.findOne(WorkflowVersion, { id: workflow.activeVersionId })
      : null;
    const entity = version.definition.triggers[0]!.entity;
    const recordIds = await this.newestRecords(entity, body.limit);

    await this.em.nativeUpdate(
      Backtest,
      { status: 'running', updatedAt: { $lt: new Date(Date.now() - STALE_AFTER_MS) } },
      { status: 'failed', error: { ...BACKTEST_INTERRUPTED }, finishedAt: new Date() },
    );
    const backtest = this.em.create(Backtest, {
      workflowId,
      version: versionNumber,
      comparedVersion: published?.version ?? null,
      entity,
      sampleSize: body.limit,
      total: recordIds.length,
      results: {
        ...new BacktestTally(versionNumber).toJSON(),
        comparedWith: published ? new BacktestTally(published.version).toJSON() : null,
      },
      createdById: actor.id,
    });
    try {
      await this.em.flush();
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      const running = await this.em
        .fork()
        .findOne(Backtest, { workflowId, version: versionNumber, status: 'running' });
      throw new BatonError('CONFLICT', `A backtest of v${versionNumber} is already running`, {
        backtestId: running?.id ?? null,
      });
    }
    this.runner.run({
      id: backtest.id,
      workflowId,
      entity,
      recordIds,
      candidate: { version: versionNumber, definition: version.definition },
      published: published ? { version: published.version, definition: published.definition } : null,
      actor,
    });
    return view(backtest);
  }

  async get(id: string): Promise<BacktestView> {
    const backtest = await this.em.findOne(Backtest, { id });
    if (!backtest) throw new BatonError('NOT_FOUND', 'No backtest with this id', { id });
    return view(backtest);
  }

  // Newest first: the records most like the ones the version will meet next.
  private async newestRecords(entity: EntityType, limit: number): Promise<string[]> {
    // Every record type has an id and a creation time; the adapter map types them loosely.
    const type = RECORD_ADAPTERS[entity].entity as EntityClass<{ id: string; createdAt: Date }>;
    const rows = await this.em.find(
      type,
      {},
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit, fields: ['id'] },
    );
    return rows.map((row) => row.id);
  }
}

function view(backtest: Backtest): BacktestView {
  const stale = backtest.status === 'running' && Date.now() - backtest.updatedAt.getTime() > STALE_AFTER_MS;
  return {
    id: backtest.id,
    workflowId: backtest.workflowId,
    version: backtest.version,
    entity: backtest.entity,
    status: stale ? 'failed' : backtest.status,
    done: backtest.done,
    total: backtest.total,
    results: backtest.results,
    error: stale ? { ...BACKTEST_INTERRUPTED } : backtest.error,
    startedAt: backtest.createdAt.toISOString(),
    finishedAt: backtest.finishedAt?.toISOString() ?? null,
  };
}
