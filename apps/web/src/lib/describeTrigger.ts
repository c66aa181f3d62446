import type { RecordTrigger, ScheduleTrigger, Trigger } from '@baton/contracts';
import { humanize } from '@baton/rule-builder-react';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const lower = (name: string) => humanize(name).toLowerCase();
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * One trigger in words for the workflow list: "Lead created", "Quote updated: status → submitted",
 * "Subscription: 60 days before end date", "Every day at 08:00", "Webhook".
 */
export function describeTrigger(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'record':
      return describeRecordTrigger(trigger);
    case 'schedule':
      return describeSchedule(trigger);
    case 'webhook':
      return 'Webhook';
    case 'campaign':
      return `Campaign email ${trigger.event}${trigger.linkContains === undefined ? '' : ` (link containing "${trigger.linkContains}")`}`;
  }
}

/**
 * Every trigger of a definition in words, with " (with a condition)" where one filters it. Date
 * triggers on the same field and side are told together: "Subscription: 60, 30 and 7 days before
 * end date". A schedule's condition is required, so it goes without saying.
 */
export function describeTriggers(triggers: readonly Trigger[]): string[] {
  const dates = new Map<string, RecordTrigger[]>();
  const lines: { text: string; filtered: boolean; key?: string }[] = [];
  for (const trigger of triggers) {
    const offset = trigger.kind === 'record' && trigger.event === 'date' ? trigger.offset : undefined;
    if (trigger.kind === 'record' && offset !== undefined && offset.amount > 0) {
      const key = [trigger.entity, trigger.field, offset.direction, offset.unit].join('|');
      if (!dates.has(key)) lines.push({ text: '', filtered: false, key });
      dates.set(key, [...(dates.get(key) ?? []), trigger]);
      continue;
    }
    lines.push({
      text: describeTrigger(trigger),
      filtered: trigger.kind !== 'schedule' && trigger.condition !== undefined,
    });
  }
  return lines.map(({ text, filtered, key }) => {
    const group = key === undefined ? undefined : dates.get(key);
    if (group === undefined) return `${text}${filtered ? ' (with a condition)' : ''}`;
    const first = group[0]!;
    const amounts = group.map((t) => t.offset!.amount);
    const list =
      amounts.length === 1 ? `${amounts[0]}` : `${amounts.slice(0, -1).join(', ')} and ${amounts.at(-1)}`;
    const unit =
      amounts.length === 1 && amounts[0] === 1 ? first.offset!.unit.replace(/s$/, '') : first.offset!.unit;
    const condition = group.some((t) => t.condition !== undefined) ? ' (with a condition)' : '';
    return `${humanize(first.entity)}: ${list} ${unit} ${first.offset!.direction} ${lower(first.field ?? 'date')}${condition}`;
  });
}

function describeRecordTrigger(trigger: RecordTrigger): string {
  const entity = humanize(trigger.entity);
  switch (trigger.event) {
    case 'created':
      return `${entity} created`;
    case 'manual':
      return `${entity}: started by hand`;
    case 'updated': {
      if (trigger.field === undefined) return `${entity} updated`;
      const field = lower(trigger.field);
      if (trigger.to === undefined && trigger.from === undefined)
        return `${entity} updated: ${field} changed`;
      const from = trigger.from === undefined ? '' : ` ${shown(trigger.from)}`;
      const to = trigger.to === undefined ? ' changed' : ` → ${shown(trigger.to)}`;
      return `${entity} updated: ${field}${from}${to}`;
    }
    case 'date': {
      const field = lower(trigger.field ?? 'date');
      const offset = trigger.offset;
      if (offset === undefined || offset.amount === 0) return `${entity}: on ${field}`;
      const unit = offset.amount === 1 ? offset.unit.replace(/s$/, '') : offset.unit;
      return `${entity}: ${offset.amount} ${unit} ${offset.direction} ${field}`;
    }
  }
}

/** "Every day at 08:00", "Every weekday at 07:30", "Every Monday at 09:00", "Every 15 minutes". */
export function describeSchedule(trigger: Pick<ScheduleTrigger, 'cron' | 'every' | 'timezone'>): string {
  const zone = trigger.timezone && trigger.timezone !== 'UTC' ? ` (${trigger.timezone})` : '';
  if (trigger.every) {
    const { amount, unit } = trigger.every;
    return amount === 1 ? `Every ${unit.replace(/s$/, '')}` : `Every ${amount} ${unit}`;
  }
  const parts = (trigger.cron ?? '').trim().split(/\s+/);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts;
  const clock = /^\d+$/.test(minute ?? '') && /^\d+$/.test(hour ?? '');
  if (parts.length !== 5 || !clock || dayOfMonth !== '*' || month !== '*')
    return `Schedule ${trigger.cron ?? ''}${zone}`;
  const at = `${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}${zone}`;
  const dow = dayOfWeek!.toUpperCase();
  if (dow === '*') return `Every day at ${at}`;
  if (dow === 'MON-FRI' || dow === '1-5') return `Every weekday at ${at}`;
  const day = /^\d$/.test(dow) ? Number(dow) % 7 : DAY_NAMES.indexOf(dow);
  return day >= 0 ? `Every ${DAYS[day]} at ${at}` : `Schedule ${trigger.cron ?? ''}${zone}`;
}
