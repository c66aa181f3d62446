import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { ActivityRegistry, type ActivityType, type CrmGateway, type OutboundPort } from '@baton/activity-sdk';
import type {
  EngineActivities,
  DryRunOverlay,
  RecordRunStatusInput,
  RunDefinitionInput,
  RunStepInput,
  RunStepOutput,
} from '@baton/contracts';
import { isBatonError } from '@baton/domain';
import { parseOrThrow } from '../common/zod.pipe';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import { MikroCrmGateway } from './crm-gateway';
import { DryRunCrmGateway, DryRunRollback } from './dry-run-gateway';
import { throughDatabaseOutage } from './database-outage';
import { OutboundEffects } from './outbound/outbound-effects';
import { StepEffect } from './step-effect.entity';
import { OutboxService } from '../outbox/outbox.service';
import { ApprovalActivities } from '../approvals/approval-activities';
import { ScheduledSweepService } from './schedules/scheduled-sweep.service';
import { CampaignSender } from '../campaigns/campaign-sender';
import { ChildRunActivities } from './calls/child-run.activities';
import { alertWorkflowOwner } from './failure-alerts';
import { RetentionActivitiesService } from '../privacy/retention/retention.activities';

/** Runs an activity type's code for one step, against the given CRM and way out. */
function runType(
  type: ActivityType,
  config: unknown,
  input: RunStepInput,
  crm: CrmGateway,
  outbound: OutboundPort,
) {
  return type.run({
    config,
    record: input.context.record,
    steps: input.context.steps,
    trigger: input.context.trigger,
    ...(input.businessHours ? { businessHours: input.businessHours } : {}),
    origin: input.origin,
    stepId: input.stepId,
    idempotencyKey: input.idempotencyKey,
    now: new Date(),
    crm,
    outbound,
  });
}

/**
 * Activity implementations for the interpreter: one Temporal activity per activity type, plus
 * bookkeeping. A user error (bad config, no assignee) becomes a non-retryable failure carrying its
 * code; anything else is retried by Temporal.
 */
@Injectable()
export class EngineActivitiesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly registry: ActivityRegistry,
    private readonly outbox: OutboxService,
    @Inject(BATON_CONFIG) config: BatonConfig,
    private readonly sweeps: ScheduledSweepService,
    private readonly campaigns: CampaignSender,
    private readonly retention: RetentionActivitiesService,
  ) {
    this.approvals = new ApprovalActivities(orm);
    this.outbound = new OutboundEffects(orm, config);
    this.calls = new ChildRunActivities(orm, registry);
  }

  private readonly approvals: ApprovalActivities;
  private readonly outbound: OutboundEffects;
  private readonly calls: ChildRunActivities;

  activities(): EngineActivities {
    const steps = Object.fromEntries(
      this.registry
        .list()
        .map((type) => [
          type.type,
          (input: RunStepInput) =>
            this.nonRetryableOnUserError(() => throughDatabaseOutage(() => this.runStep(type, input))),
        ]),
    );
    return {
      ...steps,
      recordRunStatus: (input: RecordRunStatusInput) => this.recordRunStatus(input),
      readRecord: (record: RunDefinitionInput['record'], overlay?: DryRunOverlay) =>
        this.nonRetryableOnUserError(() => this.readRecord(record, overlay)),
      openApproval: (input) => this.nonRetryableOnUserError(() => this.approvals.openApproval(input)),
      recordApproval: (state) => this.approvals.recordApproval(state),
      findManagers: (input) => this.approvals.findManagers(input),
      prepareChildRun: (request) => this.nonRetryableOnUserError(() => this.calls.prepareChildRun(request)),
      listRelated: (input) => this.nonRetryableOnUserError(() => this.calls.listRelated(input)),
      sweepSchedule: (input) => this.nonRetryableOnUserError(() => this.sweeps.sweep(input)),
      planCampaignSend: (input) => this.nonRetryableOnUserError(() => this.campaigns.plan(input)),
      sendCampaignBatch: (input) => this.nonRetryableOnUserError(() => this.campaigns.batch(input)),
      finishCampaignSend: (input) => this.campaigns.finish(input),
      // The retention sweep's activity is privacy's own contract, not an engine one: typed there.
      ...(this.retention.activities() as object),
    };
  }

  /** Runs a step's writes and records its output in one transaction keyed by run + step. */
  private async runStep(type: ActivityType, input: RunStepInput): Promise<RunStepOutput> {
    const config = parseOrThrow(type.configSchema, input.config, `config of step ${input.stepId}`);
    if (input.dryRun) return this.dryRunStep(type, config, input, input.dryRun.overlay);
    const em = this.orm.em.fork();
    const output = await em.transactional(async (tx) => {
      const prior = await tx.findOne(StepEffect, { idempotencyKey: input.idempotencyKey });
      if (prior) return prior.output;
      const crm = new MikroCrmGateway(tx, input, this.outbox);
      const result = await runType(type, config, input, crm, this.outbound.forStep(input));
      tx.create(StepEffect, {
        idempotencyKey: input.idempotencyKey,
        runId: input.origin.runId,
        stepId: input.stepId,
        output: result,
      });
      return result;
    });
    return { output };
  }

  /** The step run for real inside a transaction that is then rolled back; its writes become intentions. */
  private async dryRunStep(
    type: ActivityType,
    config: unknown,
    input: RunStepInput,
    overlay: DryRunOverlay,
  ): Promise<RunStepOutput> {
    let result: RunStepOutput | undefined;
    try {
      await this.orm.em.fork().transactional(async (tx) => {
        const crm = new DryRunCrmGateway(tx, new MikroCrmGateway(tx, input));
        await crm.applyOverlay(overlay);
        const output = await runType(type, config, input, crm, this.outbound.forDryRun(crm.intentions));
        result = { output, intentions: crm.intentions };
        throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    return result!;
  }

  private async readRecord(
    record: RunDefinitionInput['record'],
    overlay?: DryRunOverlay,
  ): Promise<Record<string, unknown>> {
    if (!overlay || Object.keys(overlay).length === 0) {
      return (await new MikroCrmGateway(this.orm.em.fork()).getRecord(record)).fields;
    }
    let fields: Record<string, unknown> = {};
    try {
      await this.orm.em.fork().transactional(async (tx) => {
        const crm = new DryRunCrmGateway(tx, new MikroCrmGateway(tx));
        await crm.applyOverlay(overlay);
        fields = (await crm.getRecord(record)).fields;
        throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    return fields;
  }

  private async recordRunStatus(input: RecordRunStatusInput): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      await this.storeRunStatus(em, input);
      if (input.status === 'failed') await alertWorkflowOwner(em, input);
    });
  }

  private async storeRunStatus(em: EntityManager, input: RecordRunStatusInput): Promise<void> {
    await em.upsert(
      WorkflowRun,
      {
        id: input.runId,
        workflowId: input.origin.workflowId,
        versionId: input.origin.versionId,
        version: input.origin.version,
        eventId: input.eventId,
        recordType: input.record.type,
        recordId: input.record.id,
        status: input.status,
        trail: input.trail,
        error: input.error ?? null,
        startedAt: new Date(),
        finishedAt: input.status === 'running' ? null : new Date(),
      },
      { onConflictFields: ['id'], onConflictMergeFields: ['status', 'trail', 'error', 'finishedAt'] },
    );
  }

  private async nonRetryableOnUserError<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isBatonError(err) && err.isUserError) {
        throw ApplicationFailure.create({
          type: 'BatonUserError',
          message: err.message,
          nonRetryable: true,
          details: [{ code: err.code, details: err.details ?? null }],
        });
      }
      throw err;
    }
  }
}
