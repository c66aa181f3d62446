const DAY_MS = 24 * 60 * 60 * 1000;

function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Adds whole business days (Monday to Friday, UTC) to an instant, keeping its time of day.
 * A start on a weekend first rolls to the next Monday, so "1 business day" from Saturday is Tuesday.
 *
 * @example addBusinessDays(new Date('2026-11-20T10:00:00Z'), 1) // Friday → Monday 10:00
 */
export function addBusinessDays(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let cursor = new Date(from.getTime());
  while (isWeekend(cursor)) cursor = new Date(cursor.getTime() + DAY_MS);
  let remaining = days;
  while (remaining > 0) {
    cursor = new Date(cursor.getTime() + DAY_MS);
    if (!isWeekend(cursor)) remaining -= 1;
  }
  return cursor;
}
