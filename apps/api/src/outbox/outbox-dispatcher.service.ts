import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { RECORD_CHANGED_SIGNAL } from '@baton/contracts';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { TemporalService } from '../engine/temporal.service';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import { WorkflowsService } from '../workflows/workflows.service';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxService } from './outbox.service';
import type { Changes } from './changes';
import { CAMPAIGN_ACTION, campaignPayloadOf, CampaignTriggers } from './campaign-triggers';
import { RunStarterService, type PlannedRun } from './run-starter.service';

const BATCH = 50;

/**
 * Hands committed outbox events to Temporal. The run's workflow id is derived from workflow +
 * event, and Temporal refuses a second start with the same id, so a retry never doubles a run.
 * Rows are claimed with SKIP LOCKED, so several API replicas can dispatch side by side.
 */
@Injectable()
export class OutboxDispatcherService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('outbox');
  private running = false;
  private wake?: () => void;
  private kicked = false;
  private loop?: Promise<void>;
  private unsubscribe?: () => void;
  private readonly campaignTriggers = new CampaignTriggers();

  constructor(
    private readonly orm: MikroORM,
    private readonly temporal: TemporalService,
    private readonly workflows: WorkflowsService,
    private readonly outbox: OutboxService,
    private readonly starter: RunStarterService,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  start(): void {
    this.running = true;
    this.unsubscribe = this.outbox.onCommitted(() => this.kick());
    this.loop = this.run();
  }

  // A commit during a pass must not wait for the next poll: remember it and go round again.
  private kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  // Before, not on, application shutdown: the Temporal connection and the database pool close on
  // shutdown, all at once, and a pass still in flight when they closed never settled: the process
  // hung until it was killed.
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.kick();
    await this.loop;
  }

  /**
   * One pass over pending events; returns how many were handed over. Matching is a few reads per
   * event; the Temporal starts, which are network round trips, go out concurrently.
   */
  async dispatchPending(): Promise<number> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const events = await tx.find(
        OutboxEvent,
        { dispatchedAt: null },
        { orderBy: { occurredAt: 'asc' }, limit: BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (events.length === 0) return 0;
      await this.workflows.refresh(tx);
      const planned: Array<{ event: OutboxEvent; runs: PlannedRun[] }> = [];
      // Runs planned earlier in this pass are not stored yet; the per-record limit counts them too.
      const inPass = new Map<string, number>();
      for (const event of events) planned.push({ event, runs: await this.plan(tx, event, inPass) });
      const started = await Promise.allSettled(
        planned.map(({ runs }) => Promise.all(runs.map((r) => this.starter.launch(r)))),
      );

      let dispatched = 0;
      const stored: PlannedRun[] = [];
      for (const [i, { event, runs }] of planned.entries()) {
        const outcome = started[i]!;
        if (outcome.status === 'fulfilled') {
          event.dispatchedAt = new Date();
          stored.push(...runs);
          dispatched += 1;
        } else {
          // Temporal is unreachable or refused: the event stays pending for the next pass.
          const err: unknown = outcome.reason;
          event.attempts += 1;
          event.lastError = err instanceof Error ? err.message.slice(0, 1000) : String(err);
          this.logger.warn(
            `event ${event.id} not dispatched yet (attempt ${event.attempts}): ${event.lastError}`,
          );
        }
      }
      await this.starter.store(tx, stored);
      await this.signalWaiting(tx, events, new Set(stored.map((r) => r.row.id)));
      return dispatched;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.kicked = false;
      let dispatched = 0;
      try {
        dispatched = await this.dispatchPending();
        failures = 0;
      } catch (err) {
        failures += 1;
        this.logger.warn(`dispatch pass failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (dispatched >= BATCH || (this.kicked && failures === 0)) continue;
      // Stopping: the wake-up was spent on the pass that just ended.
      if (!this.running) break;
      const backoff = Math.min(this.config.dispatchIntervalMs * 2 ** failures, 10_000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async plan(
    em: EntityManager,
    event: OutboxEvent,
    inPass: Map<string, number>,
  ): Promise<PlannedRun[]> {
    const [entity, action] = event.type.split('.') as [string, string];
    const {
      changes = {},
      cause,
      actorId = null,
    } = event.payload as { changes?: Changes; cause?: { workflowId: string }; actorId?: string | null };
    // Campaign events (a click, an open…) fire campaign triggers, not record ones, and bring the event along.
    const campaign = action === CAMPAIGN_ACTION ? campaignPayloadOf(event.payload) : undefined;
    const matches = campaign
      ? await this.campaignTriggers.findTriggered(em, event.aggregateId, campaign)
      : await this.workflows.findTriggered(em, entity, action, event.aggregateId, changes);
    const planned: PlannedRun[] = [];
    // A workflow's own writes never start it again: that loop would never end.
    for (const { workflow, version, trigger } of matches.filter((m) => cause?.workflowId !== m.workflow.id)) {
      const histories = await this.starter.histories(em, workflow.id, [event.aggregateId]);
      // Runs planned earlier in this pass are not stored yet; re-enrollment and the limit count them too.
      const pairKey = `${workflow.id}:${event.aggregateId}`;
      const earlier = inPass.get(pairKey) ?? 0;
      const run = this.starter.plan(
        {
          workflow,
          version,
          trigger,
          recordId: event.aggregateId,
          event: { id: event.id, type: event.type, occurredAt: event.occurredAt, actorId },
          ...(campaign ? { payload: campaign } : {}),
        },
        histories.get(event.aggregateId),
        earlier,
      );
      if (!run) continue;
      inPass.set(pairKey, earlier + 1);
      planned.push(run);
    }
    return planned;
  }

  /**
   * Tells the runs already in flight on each changed record, so a wait on that record re-checks at
   * once. Best effort: a run that has just ended, or a signal lost to a Temporal hiccup, only means
   * the wait re-checks at its deadline.
   */
  private async signalWaiting(
    em: EntityManager,
    events: OutboxEvent[],
    justStarted: Set<string>,
  ): Promise<void> {
    const changed = events.filter((e) => e.dispatchedAt && e.type.endsWith('.updated'));
    if (changed.length === 0) return;
    const running = await em.find(
      WorkflowRun,
      { recordId: { $in: [...new Set(changed.map((e) => e.aggregateId))] }, status: 'running' },
      { fields: ['id', 'recordId'] },
    );
    const signals = running
      .filter((run) => !justStarted.has(run.id))
      .filter((run) =>
        changed.some(
          (e) =>
            e.aggregateId === run.recordId &&
            (e.payload as { cause?: { runId?: string } }).cause?.runId !== run.id,
        ),
      )
      .map((run) => this.temporal.client.workflow.getHandle(run.id).signal(RECORD_CHANGED_SIGNAL));
    await Promise.allSettled(signals);
  }
}
