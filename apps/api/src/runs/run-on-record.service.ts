import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ActivityRegistry } from '@baton/activity-sdk';
import {
  ENGINE_TASK_QUEUE,
  WORKFLOW_TYPES,
  type RecordTrigger,
  type RunDefinitionInput,
  type RunDefinitionResult,
} from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { withActivityDefaults } from '../engine/activity-defaults';
import { MikroCrmGateway } from '../engine/crm-gateway';
import { TemporalService } from '../engine/temporal.service';
import type { User } from '../users/user.entity';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Workflow } from '../workflows/workflow.entity';
import type { DryRunBody, DryRunResult, ManualRunBody } from './run-on-record.dto';

// A dry run that has not finished by then is stuck (no worker?); say so instead of hanging.
const DRY_RUN_TIMEOUT = '60 seconds';

/** Runs started by a person on a chosen record: real ones ("run on this record") and dry runs. */
@Injectable()
export class RunOnRecordService {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalService,
    private readonly registry: ActivityRegistry,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /** Starts the active version's manual trigger on a record; the run is like any other. */
  async startManual(workflowId: string, body: ManualRunBody, actor: User): Promise<{ runId: string }> {
    const workflow = await this.workflow(workflowId);
    if (workflow.archived) throw new BatonError('CONFLICT', 'The workflow is archived; restore it first');
    if (!workflow.activeVersionId) throw new BatonError('CONFLICT', 'The workflow has no published version');
    const version = await this.em.findOneOrFail(WorkflowVersion, { id: workflow.activeVersionId });
    const trigger = version.definition.triggers.find(
      (t) => t.event === 'manual' && (body.recordType === undefined || t.entity === body.recordType),
    );
    if (!trigger) {
      throw new BatonError(
        'CONFLICT',
        'The published version has no manual trigger ("run on a record by hand")',
        {
          workflowId,
          recordType: body.recordType ?? null,
        },
      );
    }
    await this.assertRecord(trigger, body.recordId);
    return {
      runId: await this.start(this.em, workflow, version, trigger, body.recordId, randomUUID(), actor),
    };
  }

  /**
   * Starts a run of `version` on a record and records it; the run id comes from the workflow and
   * the event, so starting the same event twice starts one run.
   */
  async start(
    em: EntityManager,
    workflow: Workflow,
    version: WorkflowVersion,
    trigger: RecordTrigger,
    recordId: string,
    eventId: string,
    actor: User | null,
  ): Promise<string> {
    const input = this.input(workflow, version, trigger, recordId, eventId, actor);
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
    await em.upsert(
      WorkflowRun,
      {
        id: input.origin.runId,
        workflowId: workflow.id,
        versionId: version.id,
        version: version.version,
        eventId,
        recordType: trigger.entity,
        recordId,
        status: 'running',
        trail: [],
        startedAt: new Date(),
      },
      { onConflictAction: 'ignore' },
    );
    return input.origin.runId;
  }

  /** Runs any version (drafts too) on a record with side effects recorded, not made. */
  async dryRun(
    workflowId: string,
    versionNumber: number,
    body: DryRunBody,
    actor: User,
  ): Promise<DryRunResult> {
    const workflow = await this.workflow(workflowId);
    const version = await this.em.findOne(WorkflowVersion, { workflow, version: versionNumber });
    if (!version)
      throw new BatonError('NOT_FOUND', `Workflow ${workflow.key} has no version ${versionNumber}`);
    const trigger = version.definition.triggers.find(
      (t) => body.recordType === undefined || t.entity === body.recordType,
    );
    if (!trigger) {
      throw new BatonError(
        'VALIDATION_FAILED',
        `No trigger of this version works on ${body.recordType} records`,
        {
          field: 'recordType',
        },
      );
    }
    await this.assertRecord(trigger, body.recordId);
    const input: RunDefinitionInput = {
      ...this.input(workflow, version, trigger, body.recordId, randomUUID(), actor, 'dry'),
      dryRun: { approvals: body.approvals },
    };
    const result = await this.temporal.client.workflow.execute(WORKFLOW_TYPES.runDefinition, {
      taskQueue: ENGINE_TASK_QUEUE,
      workflowId: input.origin.runId,
      args: [input],
      workflowExecutionTimeout: DRY_RUN_TIMEOUT,
    });
    return view(result as RunDefinitionResult);
  }

  private input(
    workflow: Workflow,
    version: WorkflowVersion,
    trigger: RecordTrigger,
    recordId: string,
    eventId: string,
    actor: User | null,
    prefix = 'run',
  ): RunDefinitionInput {
    return {
      origin: {
        workflowId: workflow.id,
        workflowName: workflow.name,
        versionId: version.id,
        version: version.version,
        runId: `${prefix}-${workflow.id}-${eventId}`,
      },
      definition: withActivityDefaults(version.definition, this.registry),
      triggerId: trigger.id,
      event: {
        id: eventId,
        type: `${trigger.entity}.${trigger.event}`,
        occurredAt: new Date().toISOString(),
        actorId: actor?.id ?? null,
      },
      record: { type: trigger.entity, id: recordId },
      historyLimit: this.config.historyLimit,
    };
  }

  private async assertRecord(trigger: RecordTrigger, recordId: string): Promise<void> {
    // Throws NOT_FOUND with the type and id when the record does not exist.
    await new MikroCrmGateway(this.em).getRecord({ type: trigger.entity, id: recordId });
  }

  private async workflow(id: string): Promise<Workflow> {
    const workflow = await this.em.findOne(Workflow, { id });
    if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id });
    return workflow;
  }
}

function view(result: RunDefinitionResult): DryRunResult {
  return {
    status: result.status,
    path: result.stepsRun,
    steps: (result.trail ?? []).map((visit) => ({
      stepId: visit.stepId,
      type: visit.type,
      status: visit.status,
      intentions: visit.intentions ?? [],
      output: visit.output ?? null,
      error: visit.error ?? null,
    })),
    error: result.error ?? null,
  };
}
