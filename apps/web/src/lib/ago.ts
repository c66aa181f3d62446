import { formatDueDate } from './due';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "just now", "12 min ago", "3 h ago", then the day and time ("Yesterday, 9:00 AM"). */
export function formatAgo(date: Date, now: Date): string {
  const ms = now.getTime() - date.getTime();
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < 12 * HOUR) return `${Math.floor(ms / HOUR)} h ago`;
  return formatDueDate(date, now);
}
