import { apiRequest } from './client';
import type { Page } from './types';

/** A record as a picker or a list shows it. */
export interface RecordOption {
  id: string;
  label: string;
  /** A second line: company, account, status… */
  detail: string;
}

// The list endpoint of each record type, and whether it searches (`q`) itself; the others are
// searched here over their newest page.
const LISTS: Readonly<Record<string, { path: string; search: boolean }>> = {
  lead: { path: 'leads', search: false },
  account: { path: 'accounts', search: true },
  contact: { path: 'contacts', search: true },
  opportunity: { path: 'opportunities', search: true },
  quote: { path: 'quotes', search: true },
  subscription: { path: 'subscriptions', search: false },
  case: { path: 'cases', search: true },
  task: { path: 'tasks', search: false },
};

const PAGE = 100;
export const OPTIONS_SHOWN = 12;

type Listed = Record<string, unknown> & { id: string };

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function nameOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null ? text((value as { name?: unknown }).name) : null;
}

export function toOption(item: Listed): RecordOption {
  const label = text(item.name) ?? text(item.subject) ?? text(item.title) ?? text(item.plan) ?? item.id;
  const detail = [text(item.company), nameOf(item.account), text(item.region), text(item.status)]
    .filter((part): part is string => part !== null)
    .join(' · ');
  return { id: item.id, label, detail };
}

/** Records of a type matching `q` (name, subject, company…), newest first. */
export async function searchRecords(
  entity: string,
  q: string,
  signal?: AbortSignal,
): Promise<RecordOption[]> {
  const list = LISTS[entity];
  if (!list) return [];
  const query = new URLSearchParams({ limit: String(list.search ? OPTIONS_SHOWN : PAGE) });
  const wanted = q.trim().toLowerCase();
  if (list.search && wanted) query.set('q', q.trim());
  const page = await apiRequest<Page<Listed>>(`/${list.path}?${query.toString()}`, { signal });
  const options = page.items.map(toOption);
  if (list.search || !wanted) return options.slice(0, OPTIONS_SHOWN);
  return options
    .filter((o) => `${o.label} ${o.detail}`.toLowerCase().includes(wanted))
    .slice(0, OPTIONS_SHOWN);
}

/** One record's name, for a list of runs. */
export async function fetchRecordOption(
  entity: string,
  id: string,
  signal?: AbortSignal,
): Promise<RecordOption> {
  const list = LISTS[entity];
  if (!list) return { id, label: id, detail: '' };
  return toOption(await apiRequest<Listed>(`/${list.path}/${encodeURIComponent(id)}`, { signal }));
}
