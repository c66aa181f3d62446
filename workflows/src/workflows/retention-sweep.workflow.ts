import { proxyActivities, workflowInfo } from '@temporalio/workflow';

export interface RetentionSweepInput {
  /** The admin who asked for this sweep; absent when the schedule started it. */
  actorId?: string | null;
}

export interface EnforceRetentionInput {
  /** The moment inactivity is measured from: the sweep's start, the same on every retry. */
  asOf: string;
  actorId: string | null;
  /** Keyset cursor: leads after this id. */
  afterId: string | null;
  limit: number;
}

export interface EnforceRetentionResult {
  erased: string[];
  /** Leads whose erasure failed this time; the next sweep tries them again. */
  failed: string[];
  /** The last lead looked at, or null when there was nothing more. */
  lastId: string | null;
  /** The policy is switched off: nothing was looked at. */
  disabled: boolean;
}

export interface RetentionSweepResult {
  asOf: string;
  erased: string[];
  failed: string[];
  disabled: boolean;
}

export interface RetentionActivities {
  enforceRetention(input: EnforceRetentionInput): Promise<EnforceRetentionResult>;
}

// Each batch erases a few leads (an erasure waits for their runs to be cancelled); a retried batch
// starts over from the same cursor and finds the leads it already erased gone from the candidates.
const { enforceRetention } = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { maximumAttempts: 5, maximumInterval: '1 minute', nonRetryableErrorTypes: ['BatonUserError'] },
});

const BATCH = 20;
// Bounds one sweep's history; a larger backlog is finished by the next ticks.
const MAX_BATCHES = 200;

/**
 * Erases the leads the retention policy says Baton should no longer keep, through the same
 * erasure path as an admin's request, batch after batch in id order.
 */
export async function retentionSweepWorkflow(input: RetentionSweepInput = {}): Promise<RetentionSweepResult> {
  const asOf = workflowInfo().startTime.toISOString();
  const result: RetentionSweepResult = { asOf, erased: [], failed: [], disabled: false };
  let afterId: string | null = null;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const page: EnforceRetentionResult = await enforceRetention({
      asOf,
      actorId: input.actorId ?? null,
      afterId,
      limit: BATCH,
    });
    result.erased.push(...page.erased);
    result.failed.push(...page.failed);
    result.disabled = page.disabled;
    if (page.lastId === null) break;
    afterId = page.lastId;
  }
  return result;
}
