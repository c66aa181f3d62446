const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "2026-11-05" → "Nov 5": a UTC calendar day, as the API counts days. */
export function shortDay(day: string): string {
  return short.format(new Date(`${day}T00:00:00Z`));
}
