import type { Task } from '../api/types';

export type DueGroup = 'overdue' | 'today' | 'upcoming';

export interface TaskGroup {
  key: DueGroup;
  label: string;
  tasks: Task[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const GROUP_LABELS: Record<DueGroup, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  upcoming: 'Upcoming',
};

const PRIORITY_RANK: Record<Task['priority'], number> = { high: 0, normal: 1, low: 2 };

function startOfDay(date: Date, offsetDays = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + offsetDays);
}

export function dueGroup(dueAt: Date, now: Date): DueGroup {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  if (dueAt.getTime() < startOfDay(now, 1).getTime()) return 'today';
  return 'upcoming';
}

export function groupByDue(tasks: readonly Task[], now: Date): TaskGroup[] {
  const sorted = [...tasks].sort(
    (a, b) =>
      Date.parse(a.dueAt) - Date.parse(b.dueAt) || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority],
  );
  const groups: TaskGroup[] = (['overdue', 'today', 'upcoming'] as const).map((key) => ({
    key,
    label: GROUP_LABELS[key],
    tasks: [],
  }));
  for (const task of sorted) {
    const key = dueGroup(new Date(task.dueAt), now);
    groups.find((group) => group.key === key)?.tasks.push(task);
  }
  return groups.filter((group) => group.tasks.length > 0);
}

function span(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(ms / HOUR);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(ms / DAY)} d`;
}

/** "due in 5 h" or "2 d overdue". */
export function formatCountdown(dueAt: Date, now: Date): string {
  const diff = dueAt.getTime() - now.getTime();
  return diff >= 0 ? `due in ${span(diff)}` : `${span(-diff)} overdue`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dateYearFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** "Today, 3:30 PM", "Tomorrow, 9:00 AM", "Mon, Nov 24, 9:00 AM" in the browser's locale and zone. */
export function formatDueDate(dueAt: Date, now: Date): string {
  const time = timeFormat.format(dueAt);
  const dayOffset = Math.round((startOfDay(dueAt).getTime() - startOfDay(now).getTime()) / DAY);
  if (dayOffset === 0) return `Today, ${time}`;
  if (dayOffset === 1) return `Tomorrow, ${time}`;
  if (dayOffset === -1) return `Yesterday, ${time}`;
  const date =
    dueAt.getFullYear() === now.getFullYear() ? dateFormat.format(dueAt) : dateYearFormat.format(dueAt);
  return `${date}, ${time}`;
}

export function formatFullDate(date: Date): string {
  return fullFormat.format(date);
}
