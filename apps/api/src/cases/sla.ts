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
