import type { CampaignCounts, CampaignView } from './campaign.dto';
import type { Campaign } from './campaign.entity';

/** Needs `createdBy` populated; `segmentName` null when the segment is gone. */
export function campaignView(
  campaign: Campaign,
  segmentName: string | null,
  counts: CampaignCounts,
): CampaignView {
  return {
    id: campaign.id,
    name: campaign.name,
    segment:
      campaign.segmentId === null
        ? null
        : { id: campaign.segmentId, name: segmentName ?? '(deleted segment)' },
    purpose: campaign.purpose,
    subject: campaign.subject,
    body: campaign.body,
    bodyFormat: campaign.bodyFormat,
    status: campaign.status,
    scheduledAt: campaign.scheduledAt?.toISOString() ?? null,
    ratePerMinute: campaign.ratePerMinute,
    batchSize: campaign.batchSize,
    error: campaign.error,
    createdBy: campaign.createdBy ? { id: campaign.createdBy.id, name: campaign.createdBy.name } : null,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
    startedAt: campaign.startedAt?.toISOString() ?? null,
    finishedAt: campaign.finishedAt?.toISOString() ?? null,
    version: campaign.version,
    counts,
  };
}
