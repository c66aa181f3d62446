import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ActivityRegistry } from '@baton/activity-sdk';
import {
  ENGINE_TASK_QUEUE,
  WORKFLOW_TYPES,
  type Reenroll,
  type RunDefinitionInput,
  type Trigger,
} from '@baton/contracts';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { withActivityDefaults } from '../engine/activity-defaults';
import { TemporalService } from '../engine/temporal.service';
import type { WorkflowVersion } from '../workflows/workflow-version.entity';
import type { Workflow } from '../workflows/workflow.entity';
import { WorkflowRun } from '../workflows/workflow-run.entity';

/** One record entering one published version through one of its triggers. */
export interface RunRequest {
  workflow: Pick<Workflow, 'id' | 'name'>;
  version: Pick<WorkflowVersion, 'id' | 'version' | 'definition'>;
  trigger: Trigger;
  recordId: string;
  /** `id` decides the run id (`run-<workflow>-<event>`), so one event starts one run however often tried. */
  event: { id: string; type: string; occurredAt: Date; actorId: string | null };
  /** What the trigger brought beside the record: a webhook's JSON, seen by the run as `trigger.payload`. */
  payload?: unknown;
}

/** When the workflow last started on a record, and how many times in the last hour. */
export interface RunHistory {
  last: Date | null;
  lastHour: number;
}

const NO_HISTORY: RunHistory = { last: null, lastHour: 0 };

export interface PlannedRun {
  input: RunDefinitionInput;
  /** Set when runaway protection refused the run: it is recorded as failed with this reason, not started. */
  refused?: { code: 'RATE_LIMITED'; message: string; stepId: string };
  row: {
    id: string;
    workflowId: string;
    versionId: string;
    version: number;
    eventId: string;
    recordType: string;
    recordId: string;
    status: 'running' | 'failed';
    trail: never[];
    startedAt: Date;
    finishedAt: Date | null;
    error: { code: string; message: string; stepId: string } | null;
  };
}

export type RunOutcome =
  | { status: 'started'; runId: string }
  | { status: 'refused'; runId: string; message: string }
  /** The trigger's `reenroll` policy keeps the record out: nothing was started or recorded. */
  | { status: 'not_enrolled' };

/** `lead.updated`, `case.schedule`, `lead.webhook`: the event type a trigger's runs carry. */
export function triggerEventType(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'record':
      return `${trigger.entity}.${trigger.event}`;
    case 'schedule':
    case 'webhook':
    case 'campaign':
      return `${trigger.entity}.${trigger.kind}`;
  }
}

/** Whether a record whose last run of this workflow started at `last` may enter it again. */
export function enrolls(reenroll: Reenroll | undefined, last: Date | null, now = new Date()): boolean {
  if (last === null || reenroll === undefined || reenroll.mode === 'always') return true;
  if (reenroll.mode === 'once') return false;
  return now.getTime() - last.getTime() >= reenroll.days * 86_400_000;
}

/**
 * The one way a run starts on a record, whatever fired it (an outbox event, a date, a schedule
 * tick, a webhook, a person): the trigger's re-enrollment policy, the per-record hourly limit
 * (runaway protection), the Temporal start (the run id comes from workflow + event and Temporal
 * refuses a duplicate id, so a retry never starts a second run) and the `workflow_runs` row.
 */
@Injectable()
export class RunStarterService {
  private readonly logger = new Logger('runs');

  constructor(
    private readonly temporal: TemporalService,
    private readonly registry: ActivityRegistry,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /** Checks, starts and records one run. */
  async start(em: EntityManager, request: RunRequest): Promise<RunOutcome> {
    const histories = await this.histories(em, request.workflow.id, [request.recordId]);
    const planned = this.plan(request, histories.get(request.recordId));
    if (!planned) return { status: 'not_enrolled' };
    await this.launch(planned);
    await this.store(em, [planned]);
    return planned.refused
      ? { status: 'refused', runId: planned.row.id, message: planned.refused.message }
      : { status: 'started', runId: planned.row.id };
  }

  /** Run history of one workflow on each of `recordIds` (records it never ran on are absent). */
  async histories(
    em: EntityManager,
    workflowId: string,
    recordIds: string[],
  ): Promise<Map<string, RunHistory>> {
    if (recordIds.length === 0) return new Map();
    const rows = await em.execute<Array<{ record_id: string; last: Date | null; last_hour: string }>>(
      `select record_id, max(started_at) as last, count(*) filter (where started_at > now() - interval '1 hour') as last_hour from workflow_runs where workflow_id = ? and record_id in (${recordIds.map(() => '?').join(', ')}) group by record_id`,
      [workflowId, ...recordIds],
    );
    return new Map(
      rows.map((r) => [
        r.record_id,
        { last: r.last ? new Date(r.last) : null, lastHour: Number(r.last_hour) },
      ]),
    );
  }

  /**
   * Applies the trigger's re-enrollment policy and the per-record limit; undefined when the record
   * may not enter. `earlier`: runs of this workflow on this record planned but not stored yet (a
   * dispatch pass that sees several events for one record counts them too).
   */
  plan(request: RunRequest, history: RunHistory = NO_HISTORY, earlier = 0): PlannedRun | undefined {
    const now = new Date();
    if (!enrolls(request.trigger.reenroll, earlier > 0 ? now : history.last, now)) return undefined;
    const lastHour = history.lastHour + earlier;
    const input = this.input(request);
    const limit = this.config.runsPerRecordPerHour;
    const refused =
      lastHour >= limit
        ? {
            code: 'RATE_LIMITED' as const,
            message: `Not started: ${lastHour} runs on this record in the last hour (the limit is ${limit}); the workflow may be triggering itself through another one`,
            stepId: request.trigger.id,
          }
        : undefined;
    const row: PlannedRun['row'] = {
      id: input.origin.runId,
      workflowId: request.workflow.id,
      versionId: request.version.id,
      version: request.version.version,
      eventId: request.event.id,
      recordType: request.trigger.entity,
      recordId: request.recordId,
      status: refused ? 'failed' : 'running',
      trail: [],
      startedAt: now,
      finishedAt: refused ? now : null,
      error: refused ?? null,
    };
    return refused ? { input, row, refused } : { input, row };
  }

  /** Starts a planned run on Temporal; a refused one is only logged. A duplicate start is no error. */
  async launch({ input, refused }: PlannedRun): Promise<void> {
    if (refused) {
      this.logger.warn(`run ${input.origin.runId} refused: ${refused.message}`);
      return;
    }
    try {
      await this.temporal.client.workflow.start(WORKFLOW_TYPES.runDefinition, {
        taskQueue: ENGINE_TASK_QUEUE,
        workflowId: input.origin.runId,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  /** Records planned runs; a row already there (a retried start) is kept as it is. */
  async store(em: EntityManager, runs: readonly PlannedRun[]): Promise<void> {
    if (runs.length > 0)
      await em.upsertMany(
        WorkflowRun,
        runs.map((r) => r.row),
        { onConflictAction: 'ignore' },
      );
  }

  /** The interpreter's input for a request; `prefix` `dry` names a dry run's id apart from real runs. */
  input(request: RunRequest, prefix = 'run'): RunDefinitionInput {
    const { workflow, version, trigger, event } = request;
    return {
      origin: {
        workflowId: workflow.id,
        workflowName: workflow.name,
        versionId: version.id,
        version: version.version,
        runId: `${prefix}-${workflow.id}-${event.id}`,
      },
      definition: withActivityDefaults(version.definition, this.registry),
      triggerId: trigger.id,
      event: {
        id: event.id,
        type: event.type,
        occurredAt: event.occurredAt.toISOString(),
        actorId: event.actorId,
      },
      record: { type: trigger.entity, id: request.recordId },
      ...(request.payload === undefined ? {} : { trigger: { payload: request.payload } }),
      historyLimit: this.config.historyLimit,
    };
  }
}
