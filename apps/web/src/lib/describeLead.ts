import type { LeadSource, LeadStatus } from '../api/types';

export const LEAD_STATUSES: readonly LeadStatus[] = [
  'new',
  'working',
  'qualified',
  'unqualified',
  'converted',
];

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  working: 'Working',
  qualified: 'Qualified',
  unqualified: 'Unqualified',
  converted: 'Converted',
};

export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  web: 'Web',
  referral: 'Referral',
  event: 'Event',
  partner: 'Partner',
  cold_call: 'Cold call',
  other: 'Other',
};

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Nov 23", or "Nov 23, 2025" outside the current year, in the browser's locale and zone. */
export function formatShortDate(date: Date, now: Date): string {
  return date.getFullYear() === now.getFullYear() ? dayFormat.format(date) : dayYearFormat.format(date);
}

/** "Nov 23, 2026, 3:30 PM". */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}
