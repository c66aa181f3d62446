import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { DateOffset, RecordTrigger } from '@baton/contracts';
import { evaluateRule, truthy } from '@baton/rules';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { eventIdOf } from '../outbox/event-ids';
import { RunStarterService, triggerEventType } from '../outbox/run-starter.service';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Workflow } from '../workflows/workflow.entity';
import { WorkflowsService } from '../workflows/workflows.service';
import { RECORD_ADAPTERS } from './records/adapters';

// Records looked at per trigger and sweep; the rest wait for the next sweep.
const BATCH = 200;

const offsetMs = (offset: DateOffset | undefined): number =>
  offset
    ? offset.amount *
      (offset.unit === 'hours' ? 3_600_000 : 86_400_000) *
      (offset.direction === 'before' ? -1 : 1)
    : 0;

/**
 * Fires `date` triggers: every few seconds it looks for records whose date field, moved by the
 * trigger's offset, has come since the version was published, and starts one run per record and
 * date value (a `trigger_firings` row says it fired). A moved date is a new value, so it fires
 * again at the new time; a record that no longer meets the trigger's condition is skipped.
 */
@Injectable()
export class DateTriggersService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('date-triggers');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly workflows: WorkflowsService,
    private readonly starter: RunStarterService,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  start(): void {
    const tick = () => {
      this.sweeping = this.sweep()
        .catch((err: unknown) =>
          this.logger.warn(`sweep failed: ${err instanceof Error ? err.message : String(err)}`),
        )
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, this.config.dateSweepMs);
        });
    };
    this.timer = setTimeout(tick, this.config.dateSweepMs);
  }

  // A sweep in progress finishes while its database and Temporal connections are still open.
  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** One pass over every published date trigger; returns how many runs it started. */
  async sweep(now = new Date()): Promise<number> {
    const em = this.orm.em.fork();
    const published = await this.workflows.refresh(em);
    let started = 0;
    for (const { workflowId, versionId, trigger } of published.byKey.values()) {
      if (trigger.event !== 'date' || !trigger.field) continue;
      const version = await em.findOne(WorkflowVersion, { id: versionId });
      const workflow = await em.findOne(Workflow, { id: workflowId });
      if (!version?.publishedAt || !workflow) continue;
      started += await this.fire(em, workflow, version, trigger, now);
    }
    return started;
  }

  private async fire(
    em: EntityManager,
    workflow: Workflow,
    version: WorkflowVersion,
    trigger: RecordTrigger,
    now: Date,
  ): Promise<number> {
    const adapter = RECORD_ADAPTERS[trigger.entity];
    const shift = offsetMs(trigger.offset);
    const field = trigger.field!;
    // Due: field + offset ≤ now, and it came after the version was published (no backfill).
    const where: Record<string, unknown> = {
      [field]: {
        $lte: new Date(now.getTime() - shift),
        $gt: new Date(version.publishedAt!.getTime() - shift),
      },
    };
    if (trigger.entity !== 'task') where.archivedAt = null;
    const records = await em.find(adapter.entity, where, {
      populate: adapter.populate as never,
      limit: BATCH,
    });
    let started = 0;
    for (const record of records as Array<{ id: string }>) {
      const fields = adapter.fields(record);
      const value = fields[field];
      if (typeof value !== 'string') continue;
      const data = { [trigger.entity]: fields, steps: {} };
      if (
        trigger.condition !== undefined &&
        !truthy(evaluateRule(trigger.condition, data, { now: now.getTime() }))
      )
        continue;
      const key = `${workflow.id}:${trigger.id}:${record.id}:${value}`;
      const fired = await em.fork().transactional(async (tx) => {
        const rows = await tx.execute<Array<{ key: string }>>(
          `insert into trigger_firings (key, workflow_id, trigger_id, record_id, fire_at, run_id) values (?, ?, ?, ?, ?, '') on conflict do nothing returning key`,
          [key, workflow.id, trigger.id, record.id, new Date(Date.parse(value) + shift)],
        );
        if (rows.length === 0) return false;
        // A failed start rolls the firing back, so the next sweep tries again. A record kept out by
        // its re-enrollment policy has still had its moment: the firing stays, with no run.
        const outcome = await this.starter.start(tx, {
          workflow,
          version,
          trigger,
          recordId: record.id,
          event: { id: eventIdOf(key), type: triggerEventType(trigger), occurredAt: now, actorId: null },
        });
        const runId = outcome.status === 'not_enrolled' ? '' : outcome.runId;
        await tx.execute(`update trigger_firings set run_id = ? where key = ?`, [runId, key]);
        return true;
      });
      if (fired) started += 1;
    }
    return started;
  }
}
