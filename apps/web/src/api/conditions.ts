import type { EntityType } from '@baton/contracts';
import type {
  ConditionTestRequest,
  ConditionTestResult,
  FieldOptions,
  RecordChoice,
} from '@baton/rule-builder-react';
import { apiRequest } from './client';

interface ConditionFieldsResponse {
  items: { entity: EntityType; fields: { name: string; options?: string[] }[] }[];
}

/** The values of enumerated record fields (`GET /rules/fields`), for the condition builder. */
export async function fetchFieldOptions(signal?: AbortSignal): Promise<FieldOptions> {
  const { items } = await apiRequest<ConditionFieldsResponse>('/rules/fields', { signal });
  return Object.fromEntries(
    items.map(({ entity, fields }) => [
      entity,
      Object.fromEntries(fields.flatMap((f) => (f.options ? [[f.name, f.options]] : []))),
    ]),
  );
}

/** Evaluates a condition on a stored record, as a run started on it now would. */
export function evaluateOnRecord(request: ConditionTestRequest): Promise<ConditionTestResult> {
  return apiRequest<ConditionTestResult>('/rules/evaluate', { method: 'POST', body: request });
}

const PATHS: Record<EntityType, string> = {
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  quote: 'quotes',
  subscription: 'subscriptions',
  case: 'cases',
  task: 'tasks',
};

interface Listed {
  id: string;
  name?: string | null;
  subject?: string | null;
  plan?: string | null;
  title?: string | null;
  email?: string | null;
}

const SEARCH_PAGE = 50;

/** Records of a type whose name (subject, plan, title) or email contains `text`, newest first. */
export async function findRecords(entity: EntityType, text: string): Promise<RecordChoice[]> {
  const { items } = await apiRequest<{ items: Listed[] }>(`/${PATHS[entity]}?limit=${SEARCH_PAGE}`);
  const wanted = text.toLowerCase();
  return items
    .map((r) => ({ id: r.id, label: r.name ?? r.subject ?? r.plan ?? r.title ?? r.id, email: r.email ?? '' }))
    .filter((r) => `${r.label} ${r.email}`.toLowerCase().includes(wanted))
    .map(({ id, label }) => ({ id, label }));
}
