import type { Dashboard } from '../../api/dashboard';
import { ChartCard } from './ChartCard';
import { shortDay } from './dayLabels';
import { LineChart } from './LineChart';
import { describeSla } from './describeDashboard';
import { panelState, type PanelProps } from './panelState';

type Sla = Dashboard['slaBreaches'];

export function SlaBreachesPanel({ data, error, onRetry }: PanelProps<Sla>) {
  return (
    <ChartCard
      id="sla"
      title="SLA breaches, last 30 days"
      wide
      summary={
        data && (
          <>
            <strong>{data.totalBreaches}</strong> {data.totalBreaches === 1 ? 'breach' : 'breaches'},{' '}
            {data.totalEscalations} {data.totalEscalations === 1 ? 'escalation' : 'escalations'} ·{' '}
            {data.openBreaches} {data.openBreaches === 1 ? 'case' : 'cases'} past the SLA still open
          </>
        )
      }
      legend={[
        { label: 'Breaches (SLA ran out unresolved)', tone: 'danger' },
        { label: 'Escalations', tone: 'warning', line: true },
      ]}
      state={panelState(
        data,
        error,
        (d) => d.totalBreaches + d.totalEscalations === 0,
        'No case breached its SLA or was escalated in the last 30 days.',
      )}
      onRetry={onRetry}
    >
      {data && (
        <LineChart
          points={data.days.map((d) => shortDay(d.day))}
          series={[
            {
              key: 'breaches',
              label: 'Breaches',
              values: data.days.map((d) => d.breaches),
              tone: 'danger',
              area: true,
            },
            {
              key: 'escalations',
              label: 'Escalations',
              values: data.days.map((d) => d.escalations),
              tone: 'warning',
            },
          ]}
          label={describeSla(data)}
          xTitle="Day (UTC)"
          yTitle="Cases"
        />
      )}
    </ChartCard>
  );
}
