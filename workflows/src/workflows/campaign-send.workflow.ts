import {
  ActivityFailure,
  ApplicationFailure,
  continueAsNew,
  isCancellation,
  proxyActivities,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { SLOW_TASK_QUEUE } from '@baton/contracts/engine';
import type { CampaignActivities, CampaignSendInput, CampaignSendResult } from '@baton/contracts';

// Sending is slow work (an SMTP conversation per recipient): it runs on the slow queue, beside
// email and webhook steps, never in the slots CRM steps need. A batch reports progress after
// every recipient, so a worker killed mid-batch is noticed within the heartbeat timeout and the
// batch retried elsewhere; the recipient rows it claimed keep the retry from sending twice.
const { planCampaignSend, sendCampaignBatch, finishCampaignSend } = proxyActivities<CampaignActivities>({
  taskQueue: SLOW_TASK_QUEUE,
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '20 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['BatonUserError'],
  },
});

// A run's history grows by a few events per batch; hand over to a fresh run long before it is big.
const BATCHES_PER_RUN = 500;

function failureOf(err: unknown): { code: string; message: string } {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) {
    const [details] = (cause.details ?? []) as [{ code?: string } | undefined];
    return { code: details?.code ?? cause.type ?? 'CAMPAIGN_FAILED', message: cause.message };
  }
  return { code: 'CAMPAIGN_FAILED', message: err instanceof Error ? err.message : String(err) };
}

type Outcome = CampaignSendResult | { status: 'continue'; afterId?: string };

/**
 * Sends one campaign: waits for its scheduled time, then pages through its segment a batch at a
 * time, pausing between batches so no more than the campaign's rate goes out per minute.
 * Cancelling the campaign stops it at the next batch (or ends the wait at once).
 */
export async function campaignSendWorkflow(input: CampaignSendInput): Promise<CampaignSendResult> {
  const { campaignId } = input;
  let outcome: Outcome;
  try {
    outcome = await send(input);
  } catch (err) {
    if (isCancellation(err)) return { status: 'cancelled' };
    await finishCampaignSend({ campaignId, failure: failureOf(err) });
    return { status: 'failed' };
  }
  if (outcome.status !== 'continue') return outcome;
  // Outside the try: continuing as new is signalled by a throw that must reach the SDK.
  return continueAsNew<typeof campaignSendWorkflow>({
    campaignId,
    ...(outcome.afterId === undefined ? {} : { afterId: outcome.afterId }),
  });
}

async function send({ campaignId, afterId: resumeAfter }: CampaignSendInput): Promise<Outcome> {
  // A continued run starts past the wait: its campaign is already sending.
  if (resumeAfter === undefined) {
    const first = await planCampaignSend({ campaignId, begin: false });
    if (!first.go) return { status: 'cancelled' };
    const wait = Date.parse(first.scheduledAt) - Date.now();
    if (wait > 0) await sleep(wait);
  }
  const plan = await planCampaignSend({ campaignId, begin: true });
  if (!plan.go) return { status: 'cancelled' };

  let afterId = resumeAfter;
  for (let batches = 0; ; batches++) {
    if (batches >= BATCHES_PER_RUN || workflowInfo().continueAsNewSuggested)
      return { status: 'continue', ...(afterId === undefined ? {} : { afterId }) };
    const batch = await sendCampaignBatch({ campaignId, ...(afterId === undefined ? {} : { afterId }) });
    if (batch.state === 'cancelled') return { status: 'cancelled' };
    if (batch.state === 'done') break;
    afterId = batch.lastId;
    if (batch.sent > 0) await sleep(Math.ceil((60_000 * batch.sent) / plan.ratePerMinute));
  }
  await finishCampaignSend({ campaignId });
  return { status: 'sent' };
}
