// Temporal Schedules accept more than this (seconds, years, `@every`), but a definition only needs the
// five classic fields, and a narrower language can be checked completely before it reaches Temporal.

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const ITEM = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/;

function valueOf(token: string, field: CronField): number | undefined {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
  return index < 0 ? undefined : field.min + index;
}

function itemProblem(item: string, field: CronField): string | null {
  const match = ITEM.exec(item);
  if (!match) return `"${item}" is not a value, range or step`;
  const [, base, step] = match;
  if (step !== undefined && Number(step) < 1) return `the step in "${item}" must be at least 1`;
  if (base === '*') return null;
  const [from, to] = base!.split('-') as [string, string | undefined];
  const start = valueOf(from, field);
  if (start === undefined) return `"${from}" is not a valid ${field.name} (${field.min}–${field.max})`;
  if (to === undefined) {
    // "5/15" means different things to different cron dialects; ask for "5-59/15".
    return step === undefined
      ? null
      : `write "${item}" as a range with a step, e.g. "${from}-${field.max}/${step}"`;
  }
  const end = valueOf(to, field);
  if (end === undefined) return `"${to}" is not a valid ${field.name} (${field.min}–${field.max})`;
  return start <= end ? null : `the range "${base}" runs backwards`;
}

/**
 * Why a five-field cron expression (minute, hour, day of month, month, day of week) is not valid,
 * or null when it is. Fields take `*`, values, ranges (`1-5`), steps (`*\/15`, `0-30/10`) and lists
 * (`MON,WED,FRI`); months and weekdays also take three-letter English names.
 *
 * @example
 * cronProblem('0 9 * * MON-FRI'); // null: weekdays at 09:00
 * cronProblem('0 25 * * *');      // 'hour: "25" is not a valid hour (0–23)'
 */
export function cronProblem(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length || parts[0] === '') {
    return `a cron expression has 5 fields (minute hour day-of-month month day-of-week); "${expression}" has ${parts[0] === '' ? 0 : parts.length}`;
  }
  for (const [i, part] of parts.entries()) {
    const field = FIELDS[i]!;
    for (const item of part.split(',')) {
      const problem = itemProblem(item, field);
      if (problem !== null) return `${field.name}: ${problem}`;
    }
  }
  return null;
}
