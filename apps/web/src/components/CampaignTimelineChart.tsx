import type { CampaignEventType, CampaignResults } from '../api/campaigns';
import { ChartCard } from './charts/ChartCard';
import { LineChart, type Series } from './charts/LineChart';
import type { Tone } from './charts/tones';

type Timeline = CampaignResults['timeline'];

const SHOWN: ReadonlyArray<{ type: CampaignEventType; label: string; tone: Tone }> = [
  { type: 'delivered', label: 'Delivered', tone: 'accent' },
  { type: 'opened', label: 'Opened', tone: 'warning' },
  { type: 'clicked', label: 'Clicked', tone: 'danger' },
];

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayHour = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

// Minutes and hours in the viewer's zone; past a day of hours the date is needed too, or two
// labels would read the same.
function labelsOf(timeline: Timeline): string[] {
  const format =
    timeline.bucket === 'day'
      ? day
      : timeline.bucket === 'hour' && timeline.points.length > 24
        ? dayHour
        : clock;
  return timeline.points.map((p) => format.format(new Date(p.at)));
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

const UNITS: Record<Timeline['bucket'], string> = { minute: 'minute', hour: 'hour', day: 'day' };

export function describeTimeline(timeline: Timeline, events: CampaignResults['events']): string {
  const per = UNITS[timeline.bucket];
  const labels = labelsOf(timeline);
  const span = labels.length > 0 ? `, ${labels[0]} to ${labels.at(-1)}` : '';
  const totals = SHOWN.map((s) => `${events[s.type]} ${s.label.toLowerCase()}`).join(', ');
  return `Campaign events per ${per}${span}: ${totals}; ${events.unsubscribed} unsubscribed, ${events.bounced} bounced.`;
}

/** Delivered, opened and clicked per minute, hour or day since the first mail went out. */
export function CampaignTimelineChart({ results }: { results: CampaignResults | null }) {
  const timeline = results?.timeline;
  const series: Series[] = SHOWN.map((s, i) => ({
    key: s.type,
    label: s.label,
    values: timeline?.points.map((p) => p[s.type]) ?? [],
    tone: s.tone,
    ...(i === 0 ? { area: true } : {}),
  }));
  return (
    <ChartCard
      id="campaign-timeline"
      title={`Events per ${UNITS[timeline?.bucket ?? 'minute']}`}
      wide
      summary={
        results && (
          <>
            <strong>{results.events.delivered}</strong> delivered, {plural(results.events.opened, 'open')},{' '}
            {plural(results.events.clicked, 'click')}
          </>
        )
      }
      legend={SHOWN.map((s, i) => ({ label: s.label, tone: s.tone, line: i > 0 }))}
      state={
        results === null
          ? { kind: 'loading' }
          : results.timeline.points.length === 0
            ? { kind: 'empty', text: 'Nothing sent yet.' }
            : undefined
      }
    >
      {results && timeline && (
        <LineChart
          points={labelsOf(timeline)}
          series={series}
          label={describeTimeline(timeline, results.events)}
          xTitle={timeline.bucket === 'day' ? 'Day (UTC)' : 'Time'}
          yTitle="Events"
        />
      )}
    </ChartCard>
  );
}
