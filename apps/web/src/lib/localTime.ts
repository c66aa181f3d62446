const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-25T16:00" in the browser's zone, as datetime-local inputs read and write it. */
export function localDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (local wall-clock time) as the instant the API expects. */
export function fromLocalDateTime(value: string): string {
  return new Date(value).toISOString();
}

/** 9:00 tomorrow, local time: when a task made from a record page is due unless the user says otherwise. */
export function tomorrowMorning(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
}
