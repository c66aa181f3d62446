import { tomorrowMorning } from '../lib/localTime';

const HOUR = 3_600_000;

export type SnoozeChoiceKey = 'hour' | 'tomorrow' | 'monday';

export interface SnoozeChoice {
  key: SnoozeChoiceKey;
  label: string;
  until: Date;
}

/** 9:00 on the Monday after `now` (a week on when today is Monday), local time. */
export function nextMondayMorning(now: Date): Date {
  const days = (8 - now.getDay()) % 7 || 7;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0);
}

/** The quick snooze choices, in the browser's zone: where a rep most often wants a task to resurface. */
export function snoozeChoices(now: Date): SnoozeChoice[] {
  return [
    { key: 'hour', label: '1 hour', until: new Date(now.getTime() + HOUR) },
    { key: 'tomorrow', label: 'Tomorrow 9:00', until: tomorrowMorning(now) },
    { key: 'monday', label: 'Next Monday 9:00', until: nextMondayMorning(now) },
  ];
}
