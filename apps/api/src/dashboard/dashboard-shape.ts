import { fromCents, toCents } from '../accounts/crm-money';
import { RENEWAL_STATUSES } from '../subscriptions/subscription.entity';
import { FUNNEL_STAGES, type Dashboard } from './dashboard.dto';
import type { DayCountRow, RenewalRow, RunRow } from './dashboard.sql';

// Turning grouped rows into complete series: a day or week with nothing in it is a zero, not a gap.

const DAY = 86_400_000;

/** "2026-11-25" for the UTC day `at` falls on. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY));
}

export function leadFunnel(rows: Array<{ status: string; count: number }>): Dashboard['leadFunnel'] {
  const counts = new Map(rows.map((r) => [r.status, r.count]));
  const stages = FUNNEL_STAGES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  return { stages, total: stages.reduce((sum, s) => sum + s.count, 0) };
}

/** `count` consecutive days ending `today`, each with its breaches and escalations (zero when none). */
export function slaDays(
  today: string,
  count: number,
  breaches: DayCountRow[],
  escalations: DayCountRow[],
): Dashboard['slaBreaches']['days'] {
  const breachesOn = new Map(breaches.map((r) => [r.day, r.count]));
  const escalationsOn = new Map(escalations.map((r) => [r.day, r.count]));
  return Array.from({ length: count }, (_, i) => {
    const day = addDays(today, i - count + 1);
    return { day, breaches: breachesOn.get(day) ?? 0, escalations: escalationsOn.get(day) ?? 0 };
  });
}

/** Failed runs among those that ended; a workflow whose runs are all still going has no rate yet. */
export function failureRate(row: Pick<RunRow, 'completed' | 'failed' | 'cancelled'>): number | null {
  const ended = row.completed + row.failed + row.cancelled;
  return ended === 0 ? null : row.failed / ended;
}

export function workflowRuns(rows: RunRow[]): Dashboard['workflowRuns']['workflows'] {
  return rows.map((r) => ({
    workflow: { id: r.workflow_id, name: r.name ?? 'Deleted workflow' },
    runs: r.runs,
    completed: r.completed,
    failed: r.failed,
    cancelled: r.cancelled,
    running: r.running,
    failureRate: failureRate(r),
  }));
}

/** Seven-day weeks from `today` covering `days` days after it, with each renewal status's share. */
export function renewalWeeks(today: string, days: number, rows: RenewalRow[]): Dashboard['renewals'] {
  const last = addDays(today, days);
  const weekCount = Math.floor(days / 7) + 1;
  const weeks = Array.from({ length: weekCount }, (_, week) => {
    const inWeek = rows.filter((r) => r.week === week);
    const byStatus = RENEWAL_STATUSES.flatMap((status) => {
      const row = inWeek.find((r) => r.status === status);
      return row ? [{ status, count: row.count, amount: row.amount }] : [];
    });
    const end = addDays(today, week * 7 + 6);
    return {
      start: addDays(today, week * 7),
      end: end > last ? last : end,
      count: byStatus.reduce((sum, s) => sum + s.count, 0),
      amount: fromCents(byStatus.reduce((sum, s) => sum + toCents(s.amount), 0n)),
      byStatus,
    };
  });
  return { from: today, to: last, weeks };
}
