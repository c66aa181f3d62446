import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../consents/sql-rows';
import type { CampaignCounts } from './campaign.dto';

const NONE: CampaignCounts = {
  recipients: 0,
  sent: 0,
  skipped: 0,
  bounced: 0,
  failed: 0,
  opened: 0,
  clicked: 0,
  unsubscribed: 0,
};

type Row = { campaign_id: string } & Record<keyof CampaignCounts, string>;

/** Recipients by status and people who opened, clicked or unsubscribed, for each campaign. */
export async function campaignCounts(
  em: EntityManager,
  campaignIds: readonly string[],
): Promise<Map<string, CampaignCounts>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await sqlRows<Row>(
    em,
    `select c.id as campaign_id,
            coalesce(r.recipients, 0) as recipients, coalesce(r.sent, 0) as sent,
            coalesce(r.skipped, 0) as skipped, coalesce(r.bounced, 0) as bounced, coalesce(r.failed, 0) as failed,
            coalesce(e.opened, 0) as opened, coalesce(e.clicked, 0) as clicked,
            coalesce(e.unsubscribed, 0) as unsubscribed
       from unnest(?::uuid[]) as c(id)
       left join (
         select campaign_id, count(*) as recipients,
                count(*) filter (where status = 'sent') as sent,
                count(*) filter (where status = 'skipped') as skipped,
                count(*) filter (where status = 'bounced') as bounced,
                count(*) filter (where status = 'failed') as failed
           from campaign_recipients where campaign_id = any(?::uuid[]) group by campaign_id
       ) r on r.campaign_id = c.id
       left join (
         select campaign_id,
                count(distinct recipient_id) filter (where type = 'opened') as opened,
                count(distinct recipient_id) filter (where type = 'clicked') as clicked,
                count(distinct recipient_id) filter (where type = 'unsubscribed') as unsubscribed
           from campaign_events where campaign_id = any(?::uuid[]) group by campaign_id
       ) e on e.campaign_id = c.id`,
    [campaignIds, campaignIds, campaignIds],
  );
  return new Map(
    rows.map((row) => [
      row.campaign_id,
      Object.fromEntries(
        Object.keys(NONE).map((k) => [k, Number(row[k as keyof CampaignCounts])]),
      ) as CampaignCounts,
    ]),
  );
}

export function countsOf(counts: Map<string, CampaignCounts>, id: string): CampaignCounts {
  return counts.get(id) ?? NONE;
}
