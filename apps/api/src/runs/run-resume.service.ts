import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import {
  ENGINE_TASK_QUEUE,
  WORKFLOW_TYPES,
  type RunDefinitionInput,
  type RunDefinitionResult,
} from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { AuditService } from '../audit/audit.service';
import { TemporalService } from '../engine/temporal.service';
import type { User } from '../users/user.entity';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import type { ResumeRunBody } from './run.dto';

const notRetryable = (id: string, message: string) => new BatonError('RUN_NOT_RETRYABLE', message, { id });

/**
 * Picks a failed run up again at its failed step (`retry`), or just after it (`skip`), once the
 * cause is fixed. It is the same run: the same id and record, the version it started with, the
 * outputs of the steps it had done, the same idempotency keys, so nothing done before is redone.
 */
@Injectable()
export class RunResumeService {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalService,
    private readonly audit: AuditService,
  ) {}

  async resume(id: string, body: ResumeRunBody, actor: User) {
    const run = await this.em.findOne(WorkflowRun, { id });
    if (!run) throw new BatonError('NOT_FOUND', 'No run with this id', { id });
    if (run.status !== 'failed')
      throw notRetryable(id, `Only failed runs can be retried; this one is ${run.status}`);
    if (run.error?.code === 'RATE_LIMITED') {
      throw notRetryable(
        id,
        'This run was refused before it started; the next change to the record starts a new one',
      );
    }
    const { input, result } = await this.lastExecution(id);
    const state = result.resumable;
    if (!state || !result.error) throw notRetryable(id, 'This run failed before runs could be retried');
    if (state.inParallelPath) {
      throw notRetryable(
        id,
        'The failed step is on one path of a parallel step; start a new run on the record instead',
      );
    }
    const resumed: RunDefinitionInput = {
      ...input,
      resume: {
        stepId: result.error.stepId,
        steps: state.steps,
        stepsRun: state.stepsRun,
        trail: state.trail,
        ...(body.from === 'skip' ? { skip: true } : {}),
      },
    };
    const before = { status: run.status, error: run.error };
    Object.assign(run, { status: 'running', error: null, finishedAt: null });
    this.audit.record(this.em, {
      actor,
      action: body.from === 'skip' ? 'run.skipped_step' : 'run.retried',
      entityType: 'run',
      entityId: id,
      before,
      after: { stepId: result.error.stepId },
    });
    await this.em.flush();
    try {
      await this.temporal.client.workflow.start(WORKFLOW_TYPES.runDefinition, {
        taskQueue: ENGINE_TASK_QUEUE,
        workflowId: id,
        args: [resumed],
        // The failed execution is closed; this starts its continuation under the same id.
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new BatonError('CONFLICT', 'The run is already running again', { id });
      }
      throw err;
    }
    return { id, status: 'running' as const, resumedAt: new Date().toISOString() };
  }

  /** The input and result of the run's last Temporal execution (after any continue-as-new). */
  private async lastExecution(
    id: string,
  ): Promise<{ input: RunDefinitionInput; result: RunDefinitionResult }> {
    const handle = this.temporal.client.workflow.getHandle(id);
    const history = await handle.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const payload = started?.input?.payloads?.[0];
    if (!payload) throw notRetryable(id, 'The run history has no input');
    const input = defaultPayloadConverter.fromPayload<RunDefinitionInput>(payload);
    const result = (await handle.result()) as RunDefinitionResult;
    return { input, result };
  }
}
