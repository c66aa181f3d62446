import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, type ScheduleOptions } from '@temporalio/client';
import { SCHEDULE_ID_PREFIX, scheduleIdOf } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { BATON_CONFIG, type BatonConfig } from '../../config';
import { WorkflowVersion } from '../../workflows/workflow-version.entity';
import { Workflow } from '../../workflows/workflow.entity';
import { TemporalService } from '../temporal.service';
import { scheduleOptions } from './schedule-options';

// A cheap query says whether any workflow was published, archived or restored since the last look
// (on this replica or another); a full pass also runs now and then to undo changes made in Temporal.
const WATCH_MS = 5_000;
const FULL_PASS_MS = 5 * 60_000;

/**
 * Keeps one Temporal Schedule per schedule trigger of every active, published workflow version —
 * and none for anything else. Publishing, archiving and restoring reconcile the workflow at once;
 * start-up and a background watch reconcile everything, so a schedule lost or changed in Temporal
 * is put back. Every step is idempotent: reconciling twice changes nothing the second time.
 */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('schedules');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly orm: MikroORM,
    private readonly temporal: TemporalService,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Like the outbox, schedules are the API's business; a worker-only process leaves them alone.
    if (this.config.role === 'worker') return;
    this.running = true;
    this.loop = this.watch();
  }

  // Before, not on, application shutdown, like the outbox dispatcher: a pass still talking to
  // Temporal when its connection closes never settles, and the stop hangs.
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Brings one workflow's schedules in line with its active version (none when archived). */
  async reconcileWorkflow(workflowId: string): Promise<void> {
    const em = this.orm.em.fork();
    await this.apply(await this.desired(em, workflowId), await this.everScheduled(em, workflowId));
  }

  /** Every workflow's schedules; Baton schedules whose workflow or trigger is gone are deleted. */
  async reconcileAll(): Promise<void> {
    const em = this.orm.em.fork();
    const stale = await this.everScheduled(em);
    for await (const summary of this.temporal.client.schedule.list()) {
      if (summary.scheduleId.startsWith(SCHEDULE_ID_PREFIX)) stale.add(summary.scheduleId);
    }
    await this.apply(await this.desired(em), stale);
  }

  /** Takes one tick of a schedule trigger now, whatever its cron says (skipped if a tick is still running). */
  async runNow(workflowId: string, triggerId: string): Promise<{ scheduleId: string }> {
    const em = this.orm.em.fork();
    const workflow = await em.findOne(Workflow, { id: workflowId });
    if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id: workflowId });
    if (workflow.archived) throw new BatonError('CONFLICT', 'The workflow is archived; restore it first');
    if (!workflow.activeVersionId) throw new BatonError('CONFLICT', 'The workflow has no published version');
    const version = await em.findOneOrFail(WorkflowVersion, { id: workflow.activeVersionId });
    const trigger = version.definition.triggers.find((t) => t.id === triggerId);
    if (trigger?.kind !== 'schedule') {
      throw new BatonError('NOT_FOUND', `The published version has no schedule trigger "${triggerId}"`, {
        triggerId,
      });
    }
    const options = scheduleOptions(workflowId, trigger);
    const handle = this.temporal.client.schedule.getHandle(options.scheduleId);
    try {
      await handle.trigger('SKIP');
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      // Not there (yet, or lost): put it back rather than fail the request.
      await this.upsert(options);
      await handle.trigger('SKIP');
    }
    return { scheduleId: options.scheduleId };
  }

  private async watch(): Promise<void> {
    let seen: string | undefined;
    let lastFull = 0;
    let failures = 0;
    while (this.running) {
      try {
        const stamp = await this.stamp();
        if (stamp !== seen || Date.now() - lastFull >= FULL_PASS_MS) {
          await this.reconcileAll();
          seen = stamp;
          lastFull = Date.now();
        }
        failures = 0;
      } catch (err) {
        failures += 1;
        // A pass cut short by shutdown (the Temporal connection closing) is no news.
        if (this.running)
          this.logger.warn(
            `reconciling schedules failed: ${err instanceof Error ? err.message : String(err)}`,
          );
      }
      await this.pause(Math.min(WATCH_MS * 2 ** failures, 60_000));
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async stamp(): Promise<string> {
    const [row] = await this.orm.em
      .fork()
      .execute<Array<{ stamp: string | null }>>(
        `select md5(string_agg(id::text || ':' || coalesce(active_version_id::text, '-') || ':' || archived::text, ',' order by id)) as stamp from workflows`,
      );
    return row?.stamp ?? 'none';
  }

  /** The schedules that should exist: the schedule triggers of active versions of live workflows. */
  private async desired(em: EntityManager, workflowId?: string): Promise<Map<string, ScheduleOptions>> {
    const workflows = await em.find(Workflow, {
      archived: false,
      activeVersionId: { $ne: null },
      ...(workflowId === undefined ? {} : { id: workflowId }),
    });
    const versions = await em.find(WorkflowVersion, {
      id: { $in: workflows.map((w) => w.activeVersionId!) },
    });
    const desired = new Map<string, ScheduleOptions>();
    for (const version of versions) {
      for (const trigger of version.definition.triggers) {
        if (trigger.kind !== 'schedule') continue;
        const options = scheduleOptions(version.workflow.id, trigger);
        desired.set(options.scheduleId, options);
      }
    }
    return desired;
  }

  /** Ids of the schedules any version of the workflow(s) ever had: candidates for deletion. */
  private async everScheduled(em: EntityManager, workflowId?: string): Promise<Set<string>> {
    const rows = await em.execute<Array<{ workflow_id: string; trigger_id: string }>>(
      `select distinct v.workflow_id, t->>'id' as trigger_id from workflow_versions v cross join lateral jsonb_array_elements(v.definition->'triggers') t where t->>'kind' = 'schedule'${workflowId === undefined ? '' : ' and v.workflow_id = ?'}`,
      workflowId === undefined ? [] : [workflowId],
    );
    return new Set(rows.map((r) => scheduleIdOf(r.workflow_id, r.trigger_id)));
  }

  private async apply(desired: Map<string, ScheduleOptions>, candidates: Set<string>): Promise<void> {
    for (const options of desired.values()) await this.upsert(options);
    for (const id of candidates) if (!desired.has(id)) await this.remove(id);
  }

  // Always written, never compared: Temporal describes a cron as calendars, so comparing would
  // miss edits; overwriting is one call and undoes any change made outside Baton.
  private async upsert(options: ScheduleOptions): Promise<void> {
    const handle = this.temporal.client.schedule.getHandle(options.scheduleId);
    const update = () =>
      handle.update(() => ({
        spec: options.spec,
        action: options.action,
        policies: options.policies,
        state: { paused: false, note: options.state?.note },
      }));
    try {
      await update();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      try {
        await this.temporal.client.schedule.create(options);
        this.logger.log(`created schedule ${options.scheduleId}`);
      } catch (raced) {
        // Another replica created it meanwhile: make sure it says what this one would have.
        if (!(raced instanceof ScheduleAlreadyRunning)) throw raced;
        await update();
      }
    }
  }

  private async remove(scheduleId: string): Promise<void> {
    try {
      await this.temporal.client.schedule.getHandle(scheduleId).delete();
      this.logger.log(`deleted schedule ${scheduleId}`);
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
  }
}
