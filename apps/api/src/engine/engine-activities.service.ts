import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import type { EngineActivities, RecordRunStatusInput, RunStepInput, RunStepOutput } from '@baton/contracts';
import { BatonError, isBatonError } from '@baton/domain';
import { parseOrThrow } from '../common/zod.pipe';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import { StepEffect } from './step-effect.entity';
import { StepRegistry } from './step-registry';

/**
 * Activity implementations for the interpreter. A user error (bad config, no assignee) becomes a
 * non-retryable failure carrying its code; anything else is retried by Temporal.
 */
@Injectable()
export class EngineActivitiesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly steps: StepRegistry,
  ) {}

  activities(): EngineActivities {
    return {
      runStep: (input) => this.nonRetryableOnUserError(() => this.runStep(input)),
      recordRunStatus: (input) => this.recordRunStatus(input),
    };
  }

  private async runStep(input: RunStepInput): Promise<RunStepOutput> {
    const handler = this.steps.get(input.type);
    if (!handler) throw new BatonError('UNKNOWN_STEP_TYPE', `No step type "${input.type}" is installed`);
    const config = parseOrThrow(handler.configSchema, input.config, `config of step ${input.stepId}`);
    const em = this.orm.em.fork();
    const output = await em.transactional(async (tx) => {
      const prior = await tx.findOne(StepEffect, { idempotencyKey: input.idempotencyKey });
      if (prior) return prior.output;
      const result = await handler.run({ config, input, em: tx });
      tx.create(StepEffect, { idempotencyKey: input.idempotencyKey, runId: input.origin.runId, stepId: input.stepId, output: result });
      return result;
    });
    return { output };
  }

  private async recordRunStatus(input: RecordRunStatusInput): Promise<void> {
    const em = this.orm.em.fork();
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
        stepsRun: input.stepsRun,
        error: input.error ?? null,
        startedAt: new Date(),
        finishedAt: input.status === 'running' ? null : new Date(),
      },
      { onConflictFields: ['id'], onConflictMergeFields: ['status', 'stepsRun', 'error', 'finishedAt'] },
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
