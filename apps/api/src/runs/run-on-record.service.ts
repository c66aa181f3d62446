import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  WORKFLOW_TYPES,
  ENGINE_TASK_QUEUE,
  type RunDefinitionInput,
  type RunDefinitionResult,
  type Trigger,
} from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { MikroCrmGateway } from '../engine/crm-gateway';
import { TemporalService } from '../engine/temporal.service';
import { RunStarterService, triggerEventType, type RunRequest } from '../outbox/run-starter.service';
import type { User } from '../users/user.entity';
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
    private readonly starter: RunStarterService,
  ) {}

  /** Starts the active version's manual trigger on a record; the run is like any other. */
  async startManual(workflowId: string, body: ManualRunBody, actor: User): Promise<{ runId: string }> {
    const workflow = await this.workflow(workflowId);
    if (workflow.archived) throw new BatonError('CONFLICT', 'The workflow is archived; restore it first');
    if (!workflow.activeVersionId) throw new BatonError('CONFLICT', 'The workflow has no published version');
    const version = await this.em.findOneOrFail(WorkflowVersion, { id: workflow.activeVersionId });
    const trigger = version.definition.triggers.find(
      (t) =>
        t.kind === 'record' &&
        t.event === 'manual' &&
        (body.recordType === undefined || t.entity === body.recordType),
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
    const outcome = await this.starter.start(
      this.em,
      this.request(workflow, version, trigger, body.recordId, actor),
    );
    switch (outcome.status) {
      case 'started':
        return { runId: outcome.runId };
      case 'refused':
        throw new BatonError('RATE_LIMITED', outcome.message, { runId: outcome.runId });
      case 'not_enrolled':
        throw new BatonError(
          'CONFLICT',
          'This record already went through the workflow and may not enter again yet',
          {
            reenroll: trigger.reenroll ?? null,
          },
        );
    }
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
      ...this.starter.input(this.request(workflow, version, trigger, body.recordId, actor), 'dry'),
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

  private request(
    workflow: Workflow,
    version: WorkflowVersion,
    trigger: Trigger,
    recordId: string,
    actor: User,
  ): RunRequest {
    return {
      workflow,
      version,
      trigger,
      recordId,
      event: { id: randomUUID(), type: triggerEventType(trigger), occurredAt: new Date(), actorId: actor.id },
    };
  }

  private async assertRecord(trigger: Trigger, recordId: string): Promise<void> {
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
