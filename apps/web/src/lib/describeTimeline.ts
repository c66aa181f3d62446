import type { TimelineItem } from '../api/timeline';
import type { BadgeTone } from '../components/StatusBadge';
import { formatDateTime } from './describeLead';
import { formatDay } from './describeRecords';

/** How one timeline entry reads: a headline, who did it, and what else is worth a line. */
export interface TimelineEntryView {
  /** Which marker it gets: an activity's kind (call, meeting, email…) or the entry's kind. */
  marker: string;
  title: string;
  who: string;
  badge: { label: string; tone: BadgeTone } | null;
  /** Free text someone wrote (a note, an activity's summary), shown as written. */
  body: string | null;
  details: string[];
}

/** Names of users by id, to show who a task went to or an owner changed to. */
export type Names = ReadonlyMap<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const STEP_TONES: Record<string, BadgeTone> = {
  completed: 'success',
  failed: 'danger',
  skipped: 'neutral',
};

export function describeTimelineItem(item: TimelineItem, names: Names): TimelineEntryView {
  switch (item.kind) {
    case 'activity':
      return activity(item);
    case 'note':
      return note(item);
    case 'task':
      return task(item, names);
    case 'change':
      return change(item, names);
    case 'workflow_step':
      return workflowStep(item);
  }
}

function activity(item: TimelineItem): TimelineEntryView {
  const minutes = num(item.data.durationMinutes);
  return {
    marker: str(item.data.kind) ?? 'activity',
    title: item.summary,
    who: item.actor?.name ?? 'Someone',
    badge: null,
    body: str(item.data.body),
    details: minutes ? [`${minutes} min`] : [],
  };
}

function note(item: TimelineItem): TimelineEntryView {
  const shared = item.data.visibility === 'shared';
  return {
    marker: 'note',
    title: 'Note',
    who: item.actor?.name ?? 'Someone',
    badge: shared ? { label: 'Shared', tone: 'accent' } : { label: 'Private', tone: 'neutral' },
    body: str(item.data.body) ?? item.summary,
    details: [],
  };
}

function task(item: TimelineItem, names: Names): TimelineEntryView {
  const workflow = str(item.data.workflowName);
  const created = item.data.event === 'created';
  const details: string[] = [];
  const assignee = str(item.data.assigneeId);
  const due = str(item.data.dueAt);
  if (created && assignee) details.push(`For ${names.get(assignee) ?? 'someone'}`);
  if (created && due) details.push(`Due ${formatDateTime(new Date(due))}`);
  return {
    marker: created ? 'task' : 'task-done',
    title: item.summary,
    who: item.actor?.name ?? (workflow ? `${workflow} workflow` : 'Baton'),
    badge: created && item.data.priority === 'high' ? { label: 'High priority', tone: 'warning' } : null,
    body: null,
    details,
  };
}

function change(item: TimelineItem, names: Names): TimelineEntryView {
  const [record = 'record', action = ''] = (str(item.data.type) ?? '').split('.');
  const what = humanize(record).toLowerCase();
  const changes = isObject(item.data.changes) ? item.data.changes : {};
  const fields = Object.keys(changes);
  const cause = isObject(item.data.cause) ? item.data.cause : null;
  const who = item.actor?.name ?? (cause ? 'A workflow' : 'Baton');
  const base = { marker: 'change', who, badge: null, body: null };
  if (action === 'created') return { ...base, title: `Created the ${what}`, details: [] };
  if (action === 'deleted') return { ...base, title: `Archived the ${what}`, details: [] };
  if (action !== 'updated') return { ...base, title: humanize(`${record} ${action}`), details: [] };
  // A change to one of the record's tasks names the task.
  const task = str(item.data.taskTitle);
  return {
    ...base,
    title: `Changed ${list(fields.map((f) => lowerFirst(fieldLabel(f))))}${task ? ` of the task “${task}”` : ''}`,
    details: fields.map((field) => describeFieldChange(field, changes[field], names)),
  };
}

function workflowStep(item: TimelineItem): TimelineEntryView {
  const workflow = str(item.data.workflowName) ?? 'Workflow';
  const status = str(item.data.status) ?? 'unknown';
  const version = num(item.data.version);
  const type = str(item.data.type);
  return {
    marker: 'workflow',
    title: `${workflow}: ${humanize(str(item.data.stepId) ?? 'step')}`,
    who: `${workflow} workflow${version ? ` v${version}` : ''}`,
    badge: { label: humanize(status), tone: STEP_TONES[status] ?? 'accent' },
    body: null,
    details: type ? [`Step type: ${humanize(type).toLowerCase()}`] : [],
  };
}

// Field names whose words humanize would get wrong.
const FIELD_LABELS: Record<string, string> = {
  rfiReference: 'RFI reference',
  rfpReference: 'RFP reference',
  archivedAt: 'Archived',
  mergedInto: 'Merged into',
  reassignRequestedAt: 'Reassignment requested',
  reassignReason: 'Reason for reassignment',
  reassignSuggestedAssignee: 'Suggested assignee',
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? humanize(field);
}

/** "Stage: proposal → negotiation"; lists and nested values only say that they changed. */
export function describeFieldChange(field: string, change: unknown, names: Names): string {
  const label = fieldLabel(field);
  if (!isObject(change)) return `${label} changed`;
  const { from, to } = change;
  if (isComplex(from) || isComplex(to)) return `${label} changed`;
  return `${label}: ${value(from, names)} → ${value(to, names)}`;
}

function value(raw: unknown, names: Names): string {
  if (raw === null || raw === undefined || raw === '') return '—';
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (typeof raw !== 'string') return 'changed';
  if (UUID.test(raw)) return names.get(raw) ?? 'another record';
  if (DAY.test(raw)) return formatDay(raw);
  if (INSTANT.test(raw)) return formatDateTime(new Date(raw));
  return humanizeValue(raw);
}

/** "closeDate" → "Close date", "renewal_due" → "Renewal due", "lead converted" → "Lead converted". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Enum values (closed_won) read as words; anything typed by a person is shown as it is.
function humanizeValue(raw: string): string {
  return /^[a-z]+(_[a-z]+)+$/.test(raw) ? humanize(raw).toLowerCase() : raw;
}

// "RFI reference" keeps its capitals mid-sentence; "Close date" does not.
function lowerFirst(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function isComplex(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null;
}

function str(raw: unknown): string | null {
  return typeof raw === 'string' && raw !== '' ? raw : null;
}

function num(raw: unknown): number | null {
  return typeof raw === 'number' ? raw : null;
}
