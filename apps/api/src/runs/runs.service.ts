import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { RUN_STATUS_QUERY, type RunStatusView } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { TemporalService } from '../engine/temporal.service';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import type { ListRunsQuery, RunView } from './run.dto';

@Injectable()
export class RunsService {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalService,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  async list(query: ListRunsQuery): Promise<Page<RunView>> {
    const cursor = decodeCursor(query.cursor);
    const where: Record<string, unknown> = {};
    if (query.workflowId) where.workflowId = query.workflowId;
    if (query.version) where.version = query.version;
    if (query.recordId) where.recordId = query.recordId;
    if (query.parentRunId) where.parentRunId = query.parentRunId;
    if (query.status) where.status = query.status;
    if (cursor) {
      where.$or = [
        { startedAt: { $lt: new Date(cursor.at) } },
        { startedAt: new Date(cursor.at), id: { $lt: cursor.id } },
      ];
    }
    const rows = await this.em.find(WorkflowRun, where, {
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    // Run ids are not uuids, so the cursor carries the start time and the id as text.
    const nextCursor =
      rows.length > query.limit && last
        ? encodeCursor({ at: last.startedAt.toISOString(), id: last.id })
        : null;
    return { items: items.map((r) => this.view(r)), nextCursor };
  }

  /** A run with its path; while it runs, the trail comes live from the workflow itself. */
  async get(id: string): Promise<RunView> {
    const run = await this.em.findOne(WorkflowRun, { id });
    if (!run) throw new BatonError('NOT_FOUND', 'No run with this id', { id });
    const view = this.view(run);
    if (run.status !== 'running') return view;
    try {
      const live = await this.temporal.client.workflow.getHandle(id).query<RunStatusView>(RUN_STATUS_QUERY);
      return { ...view, trail: live.trail };
    } catch {
      // The worker may be down; the stored trail is still the best answer.
      return view;
    }
  }

  /** Asks Temporal to cancel a running run; the run records itself as cancelled when it stops. */
  async cancel(id: string): Promise<{ id: string; status: 'cancelling' }> {
    const run = await this.em.findOne(WorkflowRun, { id });
    if (!run) throw new BatonError('NOT_FOUND', 'No run with this id', { id });
    if (run.status !== 'running') {
      throw new BatonError('CONFLICT', `The run is already ${run.status}`, { status: run.status });
    }
    await this.temporal.client.workflow.getHandle(id).cancel();
    return { id, status: 'cancelling' };
  }

  private view(run: WorkflowRun): RunView {
    const ui = this.config.temporalUiUrl;
    return {
      id: run.id,
      workflowId: run.workflowId,
      versionId: run.versionId,
      version: run.version,
      eventId: run.eventId,
      record: { type: run.recordType, id: run.recordId },
      status: run.status,
      trail: run.trail,
      error: run.error ?? null,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      parentRunId: run.parentRunId,
      temporalUiUrl: ui
        ? `${ui}/namespaces/${encodeURIComponent(this.config.temporalNamespace)}/workflows/${encodeURIComponent(run.id)}`
        : null,
    };
  }
}
