import type { CampaignResults } from '../api/campaigns';
import { BarChart, type Bar } from './charts/BarChart';
import { ChartCard } from './charts/ChartCard';
import type { Tone } from './charts/tones';

const STAGES: Record<CampaignResults['funnel'][number]['stage'], { label: string; tone: Tone }> = {
  delivered: { label: 'Delivered', tone: 'accent-soft' },
  opened: { label: 'Opened', tone: 'accent' },
  clicked: { label: 'Clicked', tone: 'success' },
};

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function describeCampaignFunnel(funnel: CampaignResults['funnel']): string {
  const delivered = funnel.find((s) => s.stage === 'delivered')?.count ?? 0;
  const parts = funnel.map((s) =>
    s.stage === 'delivered'
      ? `${s.count} delivered`
      : `${s.count} ${s.stage} (${share(s.count, delivered)} % of delivered)`,
  );
  return `Campaign funnel, people: ${parts.join(', ')}.`;
}

/** People, not events: how many got the mail, opened it, and clicked a link in it. */
export function CampaignFunnelChart({ results }: { results: CampaignResults | null }) {
  const funnel = results?.funnel ?? [];
  const delivered = funnel.find((s) => s.stage === 'delivered')?.count ?? 0;
  const clicked = funnel.find((s) => s.stage === 'clicked')?.count ?? 0;
  const bars: Bar[] = funnel.map((s) => ({
    key: s.stage,
    label: STAGES[s.stage].label,
    value: s.count,
    tone: STAGES[s.stage].tone,
  }));
  return (
    <ChartCard
      id="campaign-funnel"
      title="Funnel"
      summary={
        results && (
          <>
            <strong>{share(clicked, delivered)} %</strong> of recipients clicked
          </>
        )
      }
      state={
        results === null
          ? { kind: 'loading' }
          : delivered === 0
            ? { kind: 'empty', text: 'No mail delivered yet.' }
            : undefined
      }
    >
      {results && (
        <BarChart bars={bars} label={describeCampaignFunnel(funnel)} xTitle="Stage" yTitle="People" />
      )}
    </ChartCard>
  );
}
