import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  ENGINE_TASK_QUEUE,
  WORKFLOW_TYPES,
  type EntityType,
  type RunDefinitionInput,
} from '@baton/contracts';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { TemporalService } from '../engine/temporal.service';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import { WorkflowsService } from '../workflows/workflows.service';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxService } from './outbox.service';
import type { Changes } from './changes';
import { withActivityDefaults } from '../engine/activity-defaults';
import { ActivityRegistry } from '@baton/activity-sdk';

const BATCH = 25;

/**
 * Hands committed outbox events to Temporal. The run's workflow id is derived from workflow +
 * event, and Temporal refuses a second start with the same id, so a retry never doubles a run.
 * Rows are claimed with SKIP LOCKED, so several API replicas can dispatch side by side.
 */
@Injectable()
export class OutboxDispatcherService implements OnApplicationShutdown {
  private readonly logger = new Logger('outbox');
  private running = false;
  private wake?: () => void;
  private kicked = false;
  private loop?: Promise<void>;
  private unsubscribe?: () => void;

  constructor(
    private readonly orm: MikroORM,
    private readonly temporal: TemporalService,
    private readonly workflows: WorkflowsService,
    private readonly outbox: OutboxService,
    private readonly registry: ActivityRegistry,
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

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.kick();
    await this.loop;
  }

  /** One pass over pending events; returns how many were handed over. */
  async dispatchPending(): Promise<number> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const events = await tx.find(
        OutboxEvent,
        { dispatchedAt: null },
        { orderBy: { occurredAt: 'asc' }, limit: BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      let dispatched = 0;
      for (const event of events) {
        try {
          await this.startRuns(tx, event);
          event.dispatchedAt = new Date();
          dispatched += 1;
        } catch (err) {
          // Temporal is unreachable or refused: keep the event (and those after it) for the next pass.
          event.attempts += 1;
          event.lastError = err instanceof Error ? err.message.slice(0, 1000) : String(err);
          this.logger.warn(
            `event ${event.id} not dispatched yet (attempt ${event.attempts}): ${event.lastError}`,
          );
          break;
        }
      }
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

  private async startRuns(em: EntityManager, event: OutboxEvent): Promise<void> {
    const [entity, action] = event.type.split('.') as [string, string];
    const { changes = {}, cause } = event.payload as { changes?: Changes; cause?: { workflowId: string } };
    const matches = await this.workflows.findTriggered(em, entity, action, event.aggregateId, changes);
    for (const { workflow, version, trigger } of matches) {
      // A workflow's own writes never start it again: that loop would never end.
      if (cause?.workflowId === workflow.id) continue;
      const runId = `run-${workflow.id}-${event.id}`;
      const input: RunDefinitionInput = {
        origin: {
          workflowId: workflow.id,
          workflowName: workflow.name,
          versionId: version.id,
          version: version.version,
          runId,
        },
        definition: withActivityDefaults(version.definition, this.registry),
        triggerId: trigger.id,
        event: { id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString() },
        record: { type: entity as EntityType, id: event.aggregateId },
      };
      try {
        await this.temporal.client.workflow.start(WORKFLOW_TYPES.runDefinition, {
          taskQueue: ENGINE_TASK_QUEUE,
          workflowId: runId,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      await em.upsert(
        WorkflowRun,
        {
          id: runId,
          workflowId: workflow.id,
          versionId: version.id,
          version: version.version,
          eventId: event.id,
          recordType: entity,
          recordId: event.aggregateId,
          status: 'running',
          trail: [],
          startedAt: new Date(),
        },
        { onConflictAction: 'ignore' },
      );
    }
  }
}
