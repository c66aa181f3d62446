// Date helpers for the CRM operators. Everything is UTC and pure: "now" is always passed in.

import { RuleError } from './errors';
import type { EvaluationContext } from './types';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Largest |epoch ms| a JavaScript Date can hold. */
const MAX_TIME = 8.64e15;

/** A parsed instant; `dateOnly` remembers `YYYY-MM-DD` inputs so results keep that form. */
export interface Instant {
  readonly ms: number;
  readonly dateOnly: boolean;
}

/** Units accepted by `date_add`. */
export const DATE_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months', 'years'] as const;
export type DateUnit = (typeof DATE_UNITS)[number];

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function utc(year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0): number {
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(h, m, s, ms);
  return date.getTime();
}

/**
 * Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss[.fff]][Z|±HH:mm]` (a missing offset means UTC, never
 * local time) or a valid Date. Anything else, including impossible dates, gives null.
 */
export function parseInstant(value: unknown): Instant | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : { ms, dateOnly: false };
  }
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (m[4] === undefined) return { ms: utc(year, month, day), dateOnly: true };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return {
    ms: utc(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000,
    dateOnly: false,
  };
}

/** Formats an instant as ISO-8601: `YYYY-MM-DD` when asked and it is a UTC midnight, else full UTC. */
export function formatInstant(ms: number, dateOnly: boolean): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_TIME) return null;
  const iso = new Date(ms).toISOString();
  return dateOnly && ms % DAY_MS === 0 ? iso.slice(0, iso.indexOf('T')) : iso;
}

/** The context's "now" in epoch ms. Throws RULE_NOW_REQUIRED rather than falling back to the clock. */
export function resolveNow(ctx: EvaluationContext | undefined): number {
  const now = ctx?.now;
  const ms = typeof now === 'number' ? now : parseInstant(now)?.ms;
  if (ms === undefined || !Number.isFinite(ms)) {
    throw new RuleError(
      'RULE_NOW_REQUIRED',
      'This rule uses dates relative to now: pass ctx.now (ISO-8601, epoch ms or Date)',
    );
  }
  return ms;
}

/** Finite numbers and numeric strings as numbers; anything else null. */
export function toFiniteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Adds an amount of a calendar unit; months and years clamp to the end of the month (Jan 31 + 1 month = Feb 28/29). */
export function addToInstant(ms: number, amount: number, unit: DateUnit): number {
  switch (unit) {
    case 'minutes':
      return ms + amount * 60_000;
    case 'hours':
      return ms + amount * 3_600_000;
    case 'days':
      return ms + amount * DAY_MS;
    case 'weeks':
      return ms + amount * 7 * DAY_MS;
    case 'months':
    case 'years': {
      const months = Math.trunc(amount) * (unit === 'years' ? 12 : 1);
      const date = new Date(ms);
      const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
      const year = Math.floor(total / 12);
      const month = total - year * 12 + 1;
      const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
      return utc(
        year,
        month,
        day,
        date.getUTCHours(),
        date.getUTCMinutes(),
        date.getUTCSeconds(),
        date.getUTCMilliseconds(),
      );
    }
  }
}

/** Whole UTC calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: number, to: number): number {
  return Math.floor(to / DAY_MS) - Math.floor(from / DAY_MS);
}

/** Monday to Friday in UTC. */
export function isBusinessDay(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * Adds whole business days (Mon–Fri, UTC), like a spreadsheet WORKDAY: a weekend start counts from
 * the adjacent business day, 0 returns the start unchanged, negative counts go backwards.
 */
export function addBusinessDays(ms: number, days: number): number {
  const n = Math.trunc(days);
  if (n === 0) return ms;
  let t = ms;
  const weekday = new Date(t).getUTCDay();
  // Snap a weekend start to the business day "behind" the direction of travel so counting is uniform.
  if (n > 0 && weekday === 6) t -= DAY_MS;
  else if (n > 0 && weekday === 0) t -= 2 * DAY_MS;
  else if (n < 0 && weekday === 6) t += 2 * DAY_MS;
  else if (n < 0 && weekday === 0) t += DAY_MS;
  const weeks = Math.trunc(n / 5);
  t += weeks * 7 * DAY_MS;
  let remaining = n - weeks * 5;
  const step = remaining > 0 ? 1 : -1;
  while (remaining !== 0) {
    t += step * DAY_MS;
    if (isBusinessDay(t)) remaining -= step;
  }
  return t;
}
