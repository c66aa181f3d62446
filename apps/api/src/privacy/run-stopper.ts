import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { BatonError } from '@baton/domain';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { TemporalService } from '../engine/temporal.service';

// A cancelled run records itself as cancelled on its way out; it gets this long to do so before it
// is terminated, so that nothing it writes can land after the erasure.
const CANCEL_GRACE_MS = 15_000;

function closed(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    timeout,
  ]).finally(() => clearTimeout(timer));
}

/**
 * Stops the Temporal runs on an erased person's records and deletes their histories, which hold
 * the step inputs and outputs Baton's own tables are scrubbed of.
 */
@Injectable()
export class RunStopper {
  private readonly logger = new Logger('privacy');

  constructor(
    private readonly temporal: TemporalService,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /** Cancels the runs and waits for them to close; a run that does not close in time is terminated. */
  async stop(runIds: readonly string[]): Promise<void> {
    if (runIds.length === 0) return;
    const handles = runIds.map((id) => this.temporal.client.workflow.getHandle(id));
    try {
      await Promise.all(handles.map((h) => h.cancel().catch((err) => this.unlessGone(err))));
    } catch (err) {
      throw new BatonError('SERVICE_UNAVAILABLE', 'Runs on this record could not be cancelled; try again', {
        reason: err instanceof Error ? err.message : String(err),
      });
    }
    const done = await Promise.all(handles.map((h) => closed(h.result(), CANCEL_GRACE_MS)));
    await Promise.all(
      handles
        .filter((_, i) => !done[i])
        .map((h) => h.terminate('personal data erased').catch((err) => this.unlessGone(err))),
    );
  }

  /** Deletes the runs' Temporal histories; returns how many were deleted. Failures are logged, not thrown. */
  async forget(runIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const workflowId of runIds) {
      try {
        await this.temporal.connection.workflowService.deleteWorkflowExecution({
          namespace: this.config.temporalNamespace,
          workflowExecution: { workflowId },
        });
        deleted += 1;
      } catch (err) {
        // Already gone (deleted, or past the namespace's retention) is what was wanted.
        if (!isNotFound(err)) {
          this.logger.warn(`could not delete the history of run ${workflowId}: ${String(err)}`);
        }
      }
    }
    return deleted;
  }

  private unlessGone(err: unknown): void {
    if (err instanceof WorkflowNotFoundError || isNotFound(err)) return;
    throw err;
  }
}

// gRPC NOT_FOUND, as the raw workflow service reports it.
function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 5;
}
