import type { Dashboard } from '../../api/dashboard';
import type { RenewalStatus } from '../../api/crm';
import { formatAmount, RENEWAL_LABELS } from '../../lib/describeRecords';
import { ChartCard } from './ChartCard';
import { shortDay } from './dayLabels';
import type { Tone } from './tones';
import { WeekHistogram, type WeekBin } from './WeekHistogram';
import { describeRenewals } from './describeDashboard';
import { panelState, type PanelProps } from './panelState';

type Renewals = Dashboard['renewals'];

// The same meanings as the renewal badges on subscription pages.
const TONES: Record<RenewalStatus, Tone> = {
  active: 'success',
  renewal_due: 'warning',
  renewed: 'accent',
  at_risk: 'danger',
  churned: 'muted',
};

export function RenewalsPanel({ data, error, onRetry }: PanelProps<Renewals>) {
  const weeks = data?.weeks ?? [];
  const count = weeks.reduce((sum, w) => sum + w.count, 0);
  const amount = weeks.reduce((sum, w) => sum + Number(w.amount), 0);
  const bins: WeekBin[] = weeks.map((w) => ({
    key: w.start,
    label: shortDay(w.start),
    note: String(w.count),
    segments: w.byStatus.map((s) => ({
      key: s.status,
      value: Number(s.amount),
      tone: TONES[s.status],
      title: `${RENEWAL_LABELS[s.status]}: ${s.count} worth ${formatAmount(s.amount)}`,
    })),
  }));
  return (
    <ChartCard
      id="renewals"
      title="Renewals due, next 90 days"
      summary={
        data && (
          <>
            <strong>{formatAmount(amount.toFixed(2))}</strong> across {count}{' '}
            {count === 1 ? 'subscription' : 'subscriptions'}
          </>
        )
      }
      legend={(Object.keys(TONES) as RenewalStatus[]).map((status) => ({
        label: RENEWAL_LABELS[status],
        tone: TONES[status],
      }))}
      state={panelState(data, error, () => count === 0, 'No subscription ends in the next 90 days.')}
      onRetry={onRetry}
    >
      {data && (
        <WeekHistogram
          bins={bins}
          label={describeRenewals(data)}
          xTitle="Week starting · subscriptions ending on each bar"
          yTitle="Amount"
        />
      )}
    </ChartCard>
  );
}
