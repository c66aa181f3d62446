/** When people work: weekdays (0 = Sunday … 6 = Saturday) and hours, in an IANA time zone. */
export interface BusinessHours {
  timeZone: string;
  /** Local opening and closing time, "HH:MM". */
  start: string;
  end: string;
  days: number[];
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'UTC',
  start: '09:00',
  end: '17:00',
  days: [1, 2, 3, 4, 5],
};

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

interface LocalTime {
  /** Midnight of the local day, as if the local wall clock were UTC. */
  dayStartWall: number;
  weekday: number;
  minutes: number;
  /** Local wall clock minus UTC, in ms, at this instant. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(instant: number, timeZone: string): LocalTime {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  const dayStartWall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!);
  return {
    dayStartWall,
    weekday: new Date(dayStartWall).getUTCDay(),
    minutes: +parts.hour! * 60 + +parts.minute!,
    offset: wall - Math.floor(instant / 1000) * 1000,
  };
}

/**
 * Adds working time: `minutes` counted only while the business is open, in its time zone. A start
 * outside hours begins counting at the next opening. Ends exactly at closing rather than at the
 * next opening, so "4 business hours" from 13:00 on a 9–17 day is 17:00 the same day.
 *
 * @example addBusinessMinutes(new Date('2026-11-20T16:00:00Z'), 120, DEFAULT_BUSINESS_HOURS)
 * // Friday 16:00 UTC + 2 h → Monday 10:00 UTC
 */
export function addBusinessMinutes(
  from: Date,
  minutes: number,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a non-negative number');
  const open = minutesOf(hours.start);
  const close = minutesOf(hours.end);
  if (close <= open || hours.days.length === 0)
    throw new RangeError('business hours must open before they close');
  let cursor = from.getTime();
  let remaining = minutes * MINUTE_MS;
  // Each pass moves to the next open moment or spends the rest of an open day; a year of days bounds it.
  for (let guard = 0; guard < 3700; guard++) {
    const local = localTime(cursor, hours.timeZone);
    const toInstant = (wallMinutes: number) => local.dayStartWall + wallMinutes * MINUTE_MS - local.offset;
    if (!hours.days.includes(local.weekday) || local.minutes >= close) {
      const next = localTime(local.dayStartWall + DAY_MS + open * MINUTE_MS - local.offset, hours.timeZone);
      // Land on the opening time in the next day's own offset (DST may have changed it).
      cursor = next.dayStartWall + open * MINUTE_MS - next.offset;
      continue;
    }
    if (local.minutes < open) {
      cursor = toInstant(open);
      continue;
    }
    const available = toInstant(close) - cursor;
    if (remaining <= available) return new Date(cursor + remaining);
    remaining -= available;
    cursor = toInstant(close);
  }
  throw new RangeError('business time too far ahead');
}

/** Whole business days later at the same time, counting only open days; a closed start first rolls to an open day. */
export function addBusinessDaysIn(
  from: Date,
  days: number,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let cursor = from.getTime();
  let local = localTime(cursor, hours.timeZone);
  let guard = 0;
  // Like the plain weekday count: a closed start rolls forward whole days, keeping its time.
  while (!hours.days.includes(local.weekday) && guard++ < 14) {
    cursor += DAY_MS;
    local = localTime(cursor, hours.timeZone);
  }
  let remaining = days;
  while (remaining > 0 && guard++ < 3700) {
    cursor += DAY_MS;
    local = localTime(cursor, hours.timeZone);
    if (hours.days.includes(local.weekday)) remaining -= 1;
  }
  return new Date(cursor);
}
