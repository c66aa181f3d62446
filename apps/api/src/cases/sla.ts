import { addBusinessDays } from '@baton/domain';
import type { CasePriority } from './case.entity';

const HOUR = 3_600_000;

/** When a case opened at `openedAt` must be answered: urgent in hours, the rest in business days. */
export function slaDueAt(priority: CasePriority, openedAt: Date): Date {
  switch (priority) {
    case 'urgent':
      return new Date(openedAt.getTime() + 4 * HOUR);
    case 'high':
      return addBusinessDays(openedAt, 1);
    case 'normal':
      return addBusinessDays(openedAt, 3);
    case 'low':
      return addBusinessDays(openedAt, 5);
  }
}

/**
 * Gives a case a new priority. A different priority moves the SLA, counted from when the case
 * opened (not from now), so raising it can make a case due, or overdue, at once; the record change
 * re-arms a running escalation's wait on `slaDueAt`.
 */
export function reprioritise(
  supportCase: { priority: CasePriority; createdAt: Date; slaDueAt: Date },
  priority: CasePriority,
): void {
  if (supportCase.priority === priority) return;
  supportCase.priority = priority;
  supportCase.slaDueAt = slaDueAt(priority, supportCase.createdAt);
}
