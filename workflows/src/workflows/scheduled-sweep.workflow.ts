import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ScheduleActivities, ScheduledSweepInput, ScheduledSweepResult } from '@baton/contracts';

// A sweep reads the entity's table in batches and starts one run per matching record; a big table
// takes a while. A retry redoes the whole tick, which starts nothing twice (run ids come from the tick).
const { sweepSchedule } = proxyActivities<ScheduleActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, maximumInterval: '1 minute', nonRetryableErrorTypes: ['BatonUserError'] },
});

/**
 * One tick of a schedule trigger, started by its Temporal Schedule (overlap policy: skip). The
 * workflow id Temporal gives each tick names the tick, so its runs are started at most once.
 */
export async function scheduledSweepWorkflow(input: ScheduledSweepInput): Promise<ScheduledSweepResult> {
  const info = workflowInfo();
  return sweepSchedule({ ...input, tickId: info.workflowId, firedAt: info.startTime.toISOString() });
}
