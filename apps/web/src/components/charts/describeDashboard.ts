import type { Dashboard } from '../../api/dashboard';
import { formatAmount, RENEWAL_LABELS } from '../../lib/describeRecords';
import { LEAD_STATUS_LABELS } from '../../lib/describeLead';
import { shortDay } from './dayLabels';

// What each chart shows, in words and numbers: its accessible name, read instead of the drawing.

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const percent = (rate: number) => `${Math.round(rate * 100)} %`;

export function describeFunnel({ stages, total }: Dashboard['leadFunnel']): string {
  const flow = stages.filter((s) => s.status !== 'unqualified');
  const out = stages.find((s) => s.status === 'unqualified');
  const parts = flow.map((s) => `${s.count} ${LEAD_STATUS_LABELS[s.status].toLowerCase()}`).join(', ');
  return `Lead funnel: ${parts}; ${out?.count ?? 0} unqualified. ${plural(total, 'lead')} in all.`;
}

export function describeOverdue({ people, total }: Dashboard['overdueTasks']): string {
  const parts = people.map((p) => `${p.assignee.name} ${p.count}`).join(', ');
  return `Overdue open tasks by assignee: ${parts}. ${total} in all.`;
}

export function describeSla(sla: Dashboard['slaBreaches']): string {
  const first = sla.days[0];
  const last = sla.days.at(-1);
  const range = first && last ? ` (${shortDay(first.day)} to ${shortDay(last.day)})` : '';
  const worst = sla.days.reduce<(typeof sla.days)[number] | undefined>(
    (best, d) => (d.breaches > (best?.breaches ?? 0) ? d : best),
    undefined,
  );
  const peak = worst ? `, most on ${shortDay(worst.day)} (${worst.breaches})` : '';
  return (
    `SLA breaches per day, last ${sla.days.length} days${range}: ` +
    `${plural(sla.totalBreaches, 'breach', 'breaches')}${peak}; ` +
    `${plural(sla.totalEscalations, 'escalation')}. ` +
    `${plural(sla.openBreaches, 'case is', 'cases are')} past the SLA and still open.`
  );
}

export function describeRuns(workflows: Dashboard['workflowRuns']['workflows']): string {
  const parts = workflows.map(
    (w) =>
      `${w.workflow.name} ${plural(w.runs, 'run')}, ${w.failed} failed, ` +
      (w.failureRate === null ? 'none ended yet' : `failure rate ${percent(w.failureRate)}`),
  );
  return `Workflow runs in the last 7 days: ${parts.join('; ')}.`;
}

export function describeRenewals({ weeks }: Dashboard['renewals']): string {
  const count = weeks.reduce((sum, w) => sum + w.count, 0);
  const amount = weeks.reduce((sum, w) => sum + Number(w.amount), 0);
  const busy = weeks
    .filter((w) => w.count > 0)
    .map(
      (w) =>
        `week of ${shortDay(w.start)}: ${w.count} worth ${formatAmount(w.amount)} (` +
        w.byStatus.map((s) => `${s.count} ${RENEWAL_LABELS[s.status].toLowerCase()}`).join(', ') +
        ')',
    );
  return (
    `Subscriptions ending in the next 90 days: ${count} worth ${formatAmount(amount.toFixed(2))}. ` +
    `${busy.join('; ')}.`
  );
}
