// What the campaign sending workflow and its activities exchange. No zod here: workflow code reads
// these through `@baton/contracts/engine`.

/** Input of `campaignSendWorkflow`; `afterId` is where a continued-as-new run picks up the segment. */
export interface CampaignSendInput {
  campaignId: string;
  afterId?: string;
}

export interface CampaignSendResult {
  status: 'sent' | 'cancelled' | 'failed';
}

/** A campaign as its sending run needs it; `go: false` when it was cancelled (or never scheduled). */
export type CampaignSendPlan =
  { go: true; scheduledAt: string; ratePerMinute: number } | { go: false; status: string };

/** One batch: the next `batchSize` contacts of the segment after `afterId`. */
export interface CampaignBatchInput {
  campaignId: string;
  afterId?: string;
}

export type CampaignBatchResult =
  /** `sent`: messages the relay accepted in this batch, which the rate limit is counted in. */
  | { state: 'more'; lastId: string; sent: number; skipped: number }
  | { state: 'done' }
  | { state: 'cancelled' };

/** The activities of `campaignSendWorkflow`; each is idempotent, so a retry after a crash sends nobody twice. */
export interface CampaignActivities {
  /** Reads the campaign's schedule and rate; marks it sending once its time has come (`begin`). */
  planCampaignSend(input: { campaignId: string; begin: boolean }): Promise<CampaignSendPlan>;
  sendCampaignBatch(input: CampaignBatchInput): Promise<CampaignBatchResult>;
  /** Marks the campaign sent, or failed with `failure`; recipients cut off mid-send become failed. */
  finishCampaignSend(input: {
    campaignId: string;
    failure?: { code: string; message: string };
  }): Promise<void>;
}

/** The Temporal workflow id of a campaign's sending run: one run per campaign. */
export const campaignSendWorkflowId = (campaignId: string): string => `campaign-send-${campaignId}`;
