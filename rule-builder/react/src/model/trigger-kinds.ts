import type { TriggerKind } from '@baton/contracts';
import type { TriggerNodeData } from '@baton/rule-builder-core';

/** The trigger kinds the inspector offers, with how each reads. */
export const TRIGGER_KIND_OPTIONS: readonly { readonly kind: TriggerKind; readonly label: string }[] = [
  { kind: 'record', label: 'Record event' },
  { kind: 'schedule', label: 'Schedule' },
  { kind: 'webhook', label: 'Webhook' },
  { kind: 'campaign', label: 'Campaign email' },
];

/** A trigger node's kind; record nodes may leave it out. */
export function kindOf(data: TriggerNodeData): TriggerKind {
  return data.kind ?? 'record';
}

// Every key any kind uses: switching kinds clears the ones the new kind does not have.
const KIND_KEYS = [
  'kind',
  'event',
  'field',
  'from',
  'to',
  'offset',
  'cron',
  'every',
  'timezone',
  'limit',
  'match',
  'campaignId',
  'linkContains',
];

/**
 * The patch that turns a trigger node into another kind: entity, condition and re-enrollment stay;
 * the new kind starts from working defaults (created records; weekdays at 08:00 UTC; match by id;
 * a click in any campaign, on the contact it was sent to).
 * A schedule needs a condition, so one that never matches is filled in when there is none.
 */
export function switchTriggerKind(data: TriggerNodeData, kind: TriggerKind): Partial<TriggerNodeData> {
  const cleared = Object.fromEntries(KIND_KEYS.map((key) => [key, undefined]));
  switch (kind) {
    case 'record':
      return { ...cleared, event: 'created' };
    case 'schedule':
      return {
        ...cleared,
        kind: 'schedule',
        cron: '0 8 * * MON-FRI',
        timezone: 'UTC',
        condition: data.condition ?? { '==': [{ var: `${data.entity}.id` }, null] },
      };
    case 'webhook':
      return { ...cleared, kind: 'webhook', match: { by: 'id' } };
    case 'campaign':
      return { ...cleared, kind: 'campaign', entity: 'contact', event: 'clicked' };
  }
}

/** The base of a new trigger node's id: `lead_created`, `case_schedule`, `lead_webhook`, `campaign_clicked`. */
export function triggerIdBase(data: TriggerNodeData): string {
  if (data.kind === 'campaign') return `campaign_${data.event}`;
  return `${data.entity}_${data.kind === 'schedule' || data.kind === 'webhook' ? data.kind : data.event}`;
}
