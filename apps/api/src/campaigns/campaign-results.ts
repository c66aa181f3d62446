import type { EntityManager } from '@mikro-orm/postgresql';
import { CAMPAIGN_EVENTS, type CampaignEvent } from '@baton/contracts';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { sqlRows } from '../consents/sql-rows';
import { campaignCounts, countsOf } from './campaign-counts';
import type { CampaignResults, ListRecipientsQuery, RecipientStatus, RecipientView } from './campaign.dto';
import type { Campaign } from './campaign.entity';

type EventCounts = Record<CampaignEvent, number>;

const zero = (): EventCounts => Object.fromEntries(CAMPAIGN_EVENTS.map((e) => [e, 0])) as EventCounts;

type Bucket = CampaignResults['timeline']['bucket'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SIZE: Record<Bucket, number> = { minute: MINUTE, hour: HOUR, day: DAY };
// A fresh campaign reads best by the minute, one of a few days by the hour, a longer one by the day.
const SPANS: ReadonlyArray<[Bucket, number]> = [
  ['minute', 2 * HOUR],
  ['hour', 72 * HOUR],
];
const MAX_POINTS = 366;
// Fewer points than this make a line chart of one dot; the quiet time before the first event pads it.
const MIN_POINTS = 12;

const floor = (at: number, bucket: Bucket) => Math.floor(at / SIZE[bucket]) * SIZE[bucket];

/**
 * Events per minute, hour or day (by how long they span) up to the last one, every bucket present
 * so a chart's x axis is even; times in UTC.
 */
export function eventTimeline(
  rows: ReadonlyArray<{ at: Date; type: CampaignEvent; count: number }>,
): CampaignResults['timeline'] {
  if (rows.length === 0) return { bucket: 'minute', points: [] };
  const times = rows.map((r) => r.at.getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const bucket = SPANS.find(([, span]) => last - first <= span)?.[0] ?? 'day';
  const step = SIZE[bucket];
  const end = floor(last, bucket);
  const start = Math.max(
    Math.min(floor(first, bucket), end - (MIN_POINTS - 1) * step),
    end - (MAX_POINTS - 1) * step,
  );
  const points = new Map<number, EventCounts>();
  for (let at = start; at <= end; at += step) points.set(at, zero());
  for (const row of rows) {
    const point = points.get(floor(row.at.getTime(), bucket));
    if (point) point[row.type] += row.count;
  }
  return {
    bucket,
    points: [...points].map(([at, counts]) => ({ at: new Date(at).toISOString(), ...counts })),
  };
}

/** What a campaign achieved: counts, the delivered → opened → clicked funnel, events over time, links. */
export async function campaignResults(em: EntityManager, campaign: Campaign): Promise<CampaignResults> {
  const counts = countsOf(await campaignCounts(em, [campaign.id]), campaign.id);
  const skipped = await sqlRows<{ reason: string | null; count: string }>(
    em,
    `select reason, count(*) as count from campaign_recipients
      where campaign_id = ? and status = 'skipped' group by reason`,
    [campaign.id],
  );
  const totals = await sqlRows<{ type: CampaignEvent; count: string; people: string }>(
    em,
    `select type, count(*) as count, count(distinct recipient_id) as people
       from campaign_events where campaign_id = ? group by type`,
    [campaign.id],
  );
  // Minutes are summed up to hours or days in code, which picks the bucket from the span.
  const minutes = await sqlRows<{ at: Date; type: CampaignEvent; count: string }>(
    em,
    `select date_trunc('minute', at) as at, type, count(*) as count
       from campaign_events where campaign_id = ? group by 1, 2 order by 1`,
    [campaign.id],
  );
  const links = await sqlRows<{ url: string; clicks: string; people: string }>(
    em,
    `select url, count(*) as clicks, count(distinct recipient_id) as people from campaign_events
      where campaign_id = ? and type = 'clicked' group by url order by count(*) desc, url limit 50`,
    [campaign.id],
  );
  const events = zero();
  const people = zero();
  for (const row of totals) {
    events[row.type] = Number(row.count);
    people[row.type] = Number(row.people);
  }
  return {
    campaignId: campaign.id,
    status: campaign.status,
    counts,
    skippedBy: Object.fromEntries(skipped.map((s) => [s.reason ?? 'UNKNOWN', Number(s.count)])),
    events,
    funnel: [
      { stage: 'delivered', count: people.delivered },
      { stage: 'opened', count: people.opened },
      { stage: 'clicked', count: people.clicked },
    ],
    timeline: eventTimeline(
      minutes.map((m) => ({ at: new Date(m.at), type: m.type, count: Number(m.count) })),
    ),
    links: links.map((l) => ({ url: l.url, clicks: Number(l.clicks), people: Number(l.people) })),
  };
}

interface RecipientRow {
  id: string;
  contact_id: string;
  contact_name: string;
  email: string | null;
  status: RecipientStatus;
  reason: string | null;
  message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  opened: boolean;
  clicked: boolean;
  unsubscribed: boolean;
}

// Cursors carry milliseconds; PostgreSQL keeps microseconds, so both sides compare at milliseconds.
/** A campaign's recipients in the order they were handled, keyset-paginated. */
export async function campaignRecipients(
  em: EntityManager,
  campaignId: string,
  query: ListRecipientsQuery,
): Promise<Page<RecipientView>> {
  const cursor = decodeCursor(query.cursor, 'uuid');
  const rows = await sqlRows<RecipientRow>(
    em,
    `select r.id, r.contact_id, c.name as contact_name, r.email, r.status, r.reason, r.message_id,
            r.created_at, r.sent_at,
            exists (select 1 from campaign_events e where e.recipient_id = r.id and e.type = 'opened') as opened,
            exists (select 1 from campaign_events e where e.recipient_id = r.id and e.type = 'clicked') as clicked,
            exists (select 1 from campaign_events e where e.recipient_id = r.id and e.type = 'unsubscribed') as unsubscribed
       from campaign_recipients r join contacts c on c.id = r.contact_id
      where r.campaign_id = ?
        and (?::text is null or r.status = ?)
        and (?::timestamptz is null or (date_trunc('milliseconds', r.created_at), r.id) > (?::timestamptz, ?::uuid))
      order by date_trunc('milliseconds', r.created_at), r.id
      limit ?`,
    [
      campaignId,
      query.status ?? null,
      query.status ?? null,
      cursor?.at ?? null,
      cursor?.at ?? null,
      cursor?.id ?? null,
      query.limit + 1,
    ],
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      contact: { id: r.contact_id, name: r.contact_name },
      email: r.email,
      status: r.status,
      reason: r.reason,
      messageId: r.message_id,
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      opened: r.opened,
      clicked: r.clicked,
      unsubscribed: r.unsubscribed,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: new Date(last.created_at).toISOString(), id: last.id })
        : null,
  };
}
