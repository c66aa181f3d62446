import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_SCHEDULE_LIMIT,
  type ScheduledSweepResult,
  type ScheduleTrigger,
  type SweepScheduleInput,
} from '@baton/contracts';
import { evaluateRule, truthy } from '@baton/rules';
import { eventIdOf } from '../../outbox/event-ids';
import { RunStarterService, triggerEventType, type PlannedRun } from '../../outbox/run-starter.service';
import { WorkflowVersion } from '../../workflows/workflow-version.entity';
import { Workflow } from '../../workflows/workflow.entity';
import { RECORD_ADAPTERS } from '../records/adapters';
import { eligibleRecordIds } from './eligible-records';

// Records read per query; each batch's runs start (a Temporal call each) a few at a time.
const BATCH = 200;
const STARTS_AT_ONCE = 10;

interface Found {
  workflow: Workflow;
  version: WorkflowVersion;
  trigger: ScheduleTrigger;
}

/**
 * One tick of a schedule trigger: walks the entity's table in id order (keyset, in batches),
 * evaluates the trigger's condition on each record with the rule evaluator, and starts a run for
 * each match through the common start path (re-enrollment, per-record limit), up to `limit` per tick.
 */
@Injectable()
export class ScheduledSweepService {
  private readonly logger = new Logger('schedules');

  constructor(
    private readonly orm: MikroORM,
    private readonly starter: RunStarterService,
  ) {}

  async sweep(input: SweepScheduleInput): Promise<ScheduledSweepResult> {
    const em = this.orm.em.fork();
    const found = await this.activeTrigger(em, input);
    // The schedule outlived its trigger (the reconciler deletes it shortly): nothing to do.
    if (!found) return { matched: 0, started: 0, refused: 0, stale: true };
    const { workflow, version, trigger } = found;
    const adapter = RECORD_ADAPTERS[trigger.entity];
    const limit = trigger.limit ?? DEFAULT_SCHEDULE_LIMIT;
    // The tick's time, not the clock: a retried sweep judges "older than 3 days" as the first try did.
    const firedAt = new Date(input.firedAt);
    const result = { matched: 0, started: 0, refused: 0 };
    let after: string | null = null;
    while (result.started + result.refused < limit) {
      const ids = await eligibleRecordIds(em, { trigger, workflowId: workflow.id, after, limit: BATCH });
      if (ids.length === 0) break;
      after = ids.at(-1)!;
      const records = (await em.find(
        adapter.entity,
        { id: { $in: ids } },
        { populate: adapter.populate as never },
      )) as Array<{ id: string }>;
      const matching = records
        .filter((record) => this.holds(trigger, adapter.fields(record), firedAt))
        .map((r) => r.id)
        .sort();
      result.matched += matching.length;
      const histories = await this.starter.histories(em, workflow.id, matching);
      const planned: PlannedRun[] = [];
      for (const recordId of matching) {
        if (result.started + result.refused + planned.length >= limit) break;
        const run = this.starter.plan(
          {
            workflow,
            version,
            trigger,
            recordId,
            event: {
              id: eventIdOf(`${input.tickId}:${recordId}`),
              type: triggerEventType(trigger),
              occurredAt: firedAt,
              actorId: null,
            },
          },
          histories.get(recordId),
        );
        if (run) planned.push(run);
      }
      for (let i = 0; i < planned.length; i += STARTS_AT_ONCE) {
        await Promise.all(planned.slice(i, i + STARTS_AT_ONCE).map((run) => this.starter.launch(run)));
      }
      await this.starter.store(em, planned);
      for (const run of planned) result[run.refused ? 'refused' : 'started'] += 1;
      em.clear();
    }
    this.logger.log(
      `${input.tickId}: ${result.matched} matched, ${result.started} started, ${result.refused} refused`,
    );
    return result;
  }

  private async activeTrigger(em: EntityManager, input: SweepScheduleInput): Promise<Found | undefined> {
    const workflow = await em.findOne(Workflow, { id: input.workflowId });
    if (!workflow || workflow.archived || !workflow.activeVersionId) return undefined;
    const version = await em.findOne(WorkflowVersion, { id: workflow.activeVersionId });
    const trigger = version?.definition.triggers.find((t) => t.id === input.triggerId);
    return version && trigger?.kind === 'schedule' ? { workflow, version, trigger } : undefined;
  }

  private holds(trigger: ScheduleTrigger, fields: Record<string, unknown>, now: Date): boolean {
    try {
      const data = { [trigger.entity]: fields, steps: {}, trigger: {} };
      return truthy(evaluateRule(trigger.condition, data, { now: now.getTime() }));
    } catch (err) {
      // A condition that cannot be evaluated on this record (bad data) leaves the record out.
      this.logger.warn(
        `condition of ${trigger.id} failed on ${String(fields.id)}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return false;
    }
  }
}
