// Baton's CRM operators. Unlike the standard ones they never coerce surprisingly: wrong input
// types give false (predicates) or null (values). Dates are ISO-8601 strings in and out.

import {
  DATE_UNITS,
  addBusinessDays,
  addToInstant,
  calendarDaysBetween,
  formatInstant,
  isBusinessDay,
  parseInstant,
  resolveNow,
  toFiniteNumber,
} from '../dates';
import type { DateUnit } from '../dates';
import type { EvaluationContext } from '../types';
import type { OperatorSpec } from './spec';
import { param } from './spec';

function startsWith(a: unknown, b: unknown): boolean {
  // Same contract as react-querybuilder's jsonLogicAdditionalOperators.
  return typeof a === 'string' && a.startsWith(String(b));
}

function endsWith(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && a.endsWith(String(b));
}

function inList(value: unknown, list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  return Array.isArray(value) ? value.some((v) => list.includes(v)) : list.includes(value);
}

function dateAdd(date: unknown, amount: unknown, unit: unknown): string | null {
  const instant = parseInstant(date);
  const n = toFiniteNumber(amount);
  if (instant === null || n === null || !(DATE_UNITS as readonly unknown[]).includes(unit)) return null;
  return formatInstant(addToInstant(instant.ms, n, unit as DateUnit), instant.dateOnly);
}

function daysBetween(from: unknown, to: unknown): number | null {
  const a = parseInstant(from);
  const b = parseInstant(to);
  return a === null || b === null ? null : calendarDaysBetween(a.ms, b.ms);
}

function compareDates(a: unknown, b: unknown, before: boolean): boolean {
  const x = parseInstant(a);
  const y = parseInstant(b);
  if (x === null || y === null) return false;
  return before ? x.ms < y.ms : x.ms > y.ms;
}

function daysFromNow(date: unknown, ctx: EvaluationContext | undefined, sign: 1 | -1): number | null {
  const now = resolveNow(ctx);
  const instant = parseInstant(date);
  if (instant === null) return null;
  return sign === 1 ? calendarDaysBetween(now, instant.ms) : calendarDaysBetween(instant.ms, now);
}

function nowIso(ctx: EvaluationContext | undefined): string | null {
  return formatInstant(resolveNow(ctx), false);
}

const dateParam = param('date', 'date');

/** CRM operators; see README.md for examples. */
export const CRM_OPERATORS: readonly OperatorSpec[] = [
  {
    name: 'startsWith',
    label: 'starts with',
    description:
      'True when the first argument is a string starting with the second (as react-querybuilder exports it).',
    category: 'string',
    standard: false,
    arity: { min: 2, max: 2 },
    params: [param('text', 'string'), param('prefix', 'string')],
    result: 'boolean',
    example: { startsWith: [{ var: 'email' }, 'ceo@'] },
    evaluate: (args) => startsWith(args[0], args[1]),
    binary: startsWith,
  },
  {
    name: 'endsWith',
    label: 'ends with',
    description: 'True when the first argument is a string ending with the second.',
    category: 'string',
    standard: false,
    arity: { min: 2, max: 2 },
    params: [param('text', 'string'), param('suffix', 'string')],
    result: 'boolean',
    example: { endsWith: [{ var: 'email' }, '@acme.com'] },
    evaluate: (args) => endsWith(args[0], args[1]),
    binary: endsWith,
  },
  {
    name: 'in_list',
    label: 'is one of',
    description:
      'Strict membership in an array (never a substring test); an array value matches when any element is listed.',
    category: 'array',
    standard: false,
    arity: { min: 2, max: 2 },
    params: [param('value', 'any'), param('list', 'array')],
    result: 'boolean',
    example: { in_list: [{ var: 'stage' }, ['proposal', 'negotiation']] },
    evaluate: (args) => inList(args[0], args[1]),
    binary: inList,
  },
  {
    name: 'now',
    label: 'now',
    description: 'ctx.now as an ISO-8601 UTC timestamp.',
    category: 'date',
    standard: false,
    arity: { min: 0, max: 0 },
    params: [],
    result: 'date',
    usesNow: true,
    example: { now: [] },
    evaluate: (_args, _data, ctx) => nowIso(ctx),
  },
  {
    name: 'date_add',
    label: 'date plus',
    description: `Adds an amount of ${DATE_UNITS.join('/')} (negative subtracts); months and years clamp to month end.`,
    category: 'date',
    standard: false,
    arity: { min: 3, max: 3 },
    params: [dateParam, param('amount', 'number'), param('unit', 'string', DATE_UNITS)],
    result: 'date',
    example: { date_add: [{ var: 'createdAt' }, 14, 'days'] },
    evaluate: (args) => dateAdd(args[0], args[1], args[2]),
  },
  {
    name: 'days_between',
    label: 'days between',
    description: 'Whole UTC calendar days from the first date to the second.',
    category: 'date',
    standard: false,
    arity: { min: 2, max: 2 },
    params: [param('from', 'date'), param('to', 'date')],
    result: 'number',
    example: { days_between: [{ var: 'createdAt' }, { var: 'closedAt' }] },
    evaluate: (args) => daysBetween(args[0], args[1]),
    binary: daysBetween,
  },
  {
    name: 'days_until',
    label: 'days until',
    description: 'Whole UTC calendar days from now to the date (negative once it has passed).',
    category: 'date',
    standard: false,
    arity: { min: 1, max: 1 },
    params: [dateParam],
    result: 'number',
    usesNow: true,
    example: { '<=': [{ days_until: { var: 'renewalDate' } }, 30] },
    evaluate: (args, _data, ctx) => daysFromNow(args[0], ctx, 1),
  },
  {
    name: 'days_since',
    label: 'days since',
    description: 'Whole UTC calendar days from the date to now.',
    category: 'date',
    standard: false,
    arity: { min: 1, max: 1 },
    params: [dateParam],
    result: 'number',
    usesNow: true,
    example: { '>': [{ days_since: { var: 'lastContactedAt' } }, 30] },
    evaluate: (args, _data, ctx) => daysFromNow(args[0], ctx, -1),
  },
  {
    name: 'before',
    label: 'is before',
    description: 'True when the first instant is earlier than the second (a date alone means 00:00 UTC).',
    category: 'date',
    standard: false,
    arity: { min: 2, max: 2 },
    params: [dateParam, param('other', 'date')],
    result: 'boolean',
    example: { before: [{ var: 'dueDate' }, { now: [] }] },
    evaluate: (args) => compareDates(args[0], args[1], true),
    binary: (a, b) => compareDates(a, b, true),
  },
  {
    name: 'after',
    label: 'is after',
    description: 'True when the first instant is later than the second.',
    category: 'date',
    standard: false,
    arity: { min: 2, max: 2 },
    params: [dateParam, param('other', 'date')],
    result: 'boolean',
    example: { after: [{ var: 'closedAt' }, '2025-01-01'] },
    evaluate: (args) => compareDates(args[0], args[1], false),
    binary: (a, b) => compareDates(a, b, false),
  },
  {
    name: 'add_business_days',
    label: 'plus business days',
    description:
      'Adds whole business days (Mon–Fri, UTC; weekend starts count from the adjacent business day).',
    category: 'date',
    standard: false,
    arity: { min: 2, max: 2 },
    params: [dateParam, param('days', 'number')],
    result: 'date',
    example: { add_business_days: [{ var: 'createdAt' }, 3] },
    evaluate: (args) => addBusinessDaysIso(args[0], args[1]),
    binary: addBusinessDaysIso,
  },
  {
    name: 'is_business_day',
    label: 'is a business day',
    description: 'True for Monday to Friday (UTC).',
    category: 'date',
    standard: false,
    arity: { min: 1, max: 1 },
    params: [dateParam],
    result: 'boolean',
    example: { is_business_day: { now: [] } },
    evaluate: (args) => isBusinessDayIso(args[0]),
    unary: isBusinessDayIso,
  },
];

function addBusinessDaysIso(date: unknown, days: unknown): string | null {
  const instant = parseInstant(date);
  const n = toFiniteNumber(days);
  if (instant === null || n === null) return null;
  return formatInstant(addBusinessDays(instant.ms, n), instant.dateOnly);
}

function isBusinessDayIso(date: unknown): boolean {
  const instant = parseInstant(date);
  return instant !== null && isBusinessDay(instant.ms);
}
