import type { Dashboard } from '../../api/dashboard';
import { LEAD_STATUS_LABELS } from '../../lib/describeLead';
import { BarChart, type Bar } from './BarChart';
import { ChartCard } from './ChartCard';
import type { Tone } from './tones';
import { describeFunnel } from './describeDashboard';
import { panelState, type PanelProps } from './panelState';

type Funnel = Dashboard['leadFunnel'];

const TONES: Record<Funnel['stages'][number]['status'], Tone> = {
  new: 'accent-soft',
  working: 'accent',
  qualified: 'accent',
  converted: 'success',
  unqualified: 'muted',
};

export function LeadFunnelPanel({ data, error, onRetry }: PanelProps<Funnel>) {
  const converted = data?.stages.find((s) => s.status === 'converted')?.count ?? 0;
  const bars: Bar[] = (data?.stages ?? []).map((s) => ({
    key: s.status,
    label: LEAD_STATUS_LABELS[s.status],
    value: s.count,
    tone: TONES[s.status],
    apart: s.status === 'unqualified',
  }));
  return (
    <ChartCard
      id="funnel"
      title="Lead funnel"
      summary={
        data && (
          <>
            <strong>{data.total}</strong> leads, {converted} converted
          </>
        )
      }
      state={panelState(data, error, (d) => d.total === 0, 'No leads yet.')}
      onRetry={onRetry}
    >
      {data && <BarChart bars={bars} label={describeFunnel(data)} xTitle="Stage" yTitle="Leads" />}
    </ChartCard>
  );
}
