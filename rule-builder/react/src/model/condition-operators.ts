// The comparisons the condition builder offers, each with the one JSON Logic form it writes and
// reads back. Only that exact form is read: anything else stays raw JSON rather than being
// rewritten into something that merely means the same.
import type { ConditionField, ConditionFieldKind } from './condition-fields';

/** What a rule's value is: nothing, one value, a calendar date, a list, a range or a number of days. */
export type ValueShape = 'none' | 'single' | 'date' | 'list' | 'range' | 'days';

export type OperatorId =
  | 'equals'
  | 'not_equals'
  | 'less'
  | 'at_most'
  | 'greater'
  | 'at_least'
  | 'between'
  | 'contains'
  | 'starts_with'
  | 'ends_with'
  | 'one_of'
  | 'not_one_of'
  | 'in'
  | 'is_empty'
  | 'is_not_empty'
  | 'is_true'
  | 'is_false'
  | 'before'
  | 'after'
  | 'in_past'
  | 'in_future'
  | 'within_last_days'
  | 'within_next_days'
  | 'over_days_ago'
  | 'over_days_ahead';

export interface ConditionOperator {
  readonly id: OperatorId;
  /** The words shown for each field kind the operator suits; kinds without one are not offered it. */
  readonly labels: Readonly<Partial<Record<ConditionFieldKind, string>>>;
  readonly shape: ValueShape;
  /** False for forms the builder reads but does not offer (kept as written). */
  readonly offered: boolean;
  emit(path: string, value: unknown): unknown;
  /** The field path and value when `logic` is exactly this operator's form; otherwise null. */
  read(logic: unknown): { path: string; value: unknown } | null;
}

type Read = { path: string; value: unknown } | null;

function single(logic: unknown, op: string): unknown[] | null {
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return null;
  const keys = Object.keys(logic);
  if (keys.length !== 1 || keys[0] !== op) return null;
  const args = (logic as Record<string, unknown>)[op];
  return Array.isArray(args) ? args : [args];
}

/** The path of `{"var": "a.b"}` (exactly that form: no default, no array), else null. */
function varPath(logic: unknown): string | null {
  const args = single(logic, 'var');
  if (args === null || Array.isArray((logic as { var: unknown }).var)) return null;
  return typeof args[0] === 'string' && args[0] !== '' ? args[0] : null;
}

/** `{"var": path}` wrapped in a unary operator written without an array: `{"days_since": {"var": …}}`. */
function unaryOfVar(logic: unknown, op: string): string | null {
  if (single(logic, op) === null || Array.isArray((logic as Record<string, unknown>)[op])) return null;
  return varPath((logic as Record<string, unknown>)[op]);
}

const v = (path: string) => ({ var: path });
const isText = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isScalar = (x: unknown): x is string | number => isText(x) || isNumber(x);
const isNow = (x: unknown): boolean => {
  const args = single(x, 'now');
  return args !== null && Array.isArray((x as { now: unknown }).now) && args.length === 0;
};

/** `{op: [{"var": path}, value]}` with a value `accepts` takes. */
function binary(
  id: OperatorId,
  op: string,
  labels: ConditionOperator['labels'],
  shape: ValueShape,
  accepts: (value: unknown) => boolean,
): ConditionOperator {
  return {
    id,
    labels,
    shape,
    offered: true,
    emit: (path, value) => ({ [op]: [v(path), value] }),
    read: (logic): Read => {
      const args = single(logic, op);
      if (args === null || args.length !== 2 || !Array.isArray((logic as Record<string, unknown>)[op]))
        return null;
      const path = varPath(args[0]);
      return path !== null && accepts(args[1]) ? { path, value: args[1] } : null;
    },
  };
}

/** A test with no value: `{op: {"var": path}}`. */
function unary(id: OperatorId, op: string, labels: ConditionOperator['labels']): ConditionOperator {
  return {
    id,
    labels,
    shape: 'none',
    offered: true,
    emit: (path) => ({ [op]: v(path) }),
    read: (logic): Read => {
      const path = unaryOfVar(logic, op);
      return path === null ? null : { path, value: null };
    },
  };
}

/** `{"==": [{"var": path}, constant]}` read as a test with no value (is true / is false). */
function equalsConstant(id: OperatorId, constant: boolean, label: string): ConditionOperator {
  const inner = binary(id, '==', {}, 'none', (x) => x === constant);
  return {
    ...inner,
    labels: { boolean: label, any: label },
    emit: (path) => ({ '==': [v(path), constant] }),
    read: (logic) => {
      const read = inner.read(logic);
      return read === null ? null : { path: read.path, value: null };
    },
  };
}

/** `{"before": [{"var": path}, {"now": []}]}`: compares with the evaluation time. */
function relativeToNow(id: OperatorId, op: 'before' | 'after', label: string): ConditionOperator {
  const inner = binary(id, op, {}, 'none', isNow);
  return {
    ...inner,
    labels: { date: label },
    emit: (path) => ({ [op]: [v(path), { now: [] }] }),
    read: (logic) => {
      const read = inner.read(logic);
      return read === null ? null : { path: read.path, value: null };
    },
  };
}

/** `{"<=": [0, {"days_since": {"var": path}}, n]}`: the date is at most `n` days away, on one side of now. */
function withinDays(id: OperatorId, counter: 'days_since' | 'days_until', label: string): ConditionOperator {
  return {
    id,
    labels: { date: label },
    shape: 'days',
    offered: true,
    emit: (path, value) => ({ '<=': [0, { [counter]: v(path) }, value] }),
    read: (logic): Read => {
      const args = single(logic, '<=');
      if (args === null || args.length !== 3 || args[0] !== 0 || !isNumber(args[2])) return null;
      const path = unaryOfVar(args[1], counter);
      return path === null ? null : { path, value: args[2] };
    },
  };
}

/** `{">": [{"days_since": {"var": path}}, n]}`: the date is more than `n` days away. */
function overDays(id: OperatorId, counter: 'days_since' | 'days_until', label: string): ConditionOperator {
  return {
    id,
    labels: { date: label },
    shape: 'days',
    offered: true,
    emit: (path, value) => ({ '>': [{ [counter]: v(path) }, value] }),
    read: (logic): Read => {
      const args = single(logic, '>');
      if (args === null || args.length !== 2 || !isNumber(args[1])) return null;
      const path = unaryOfVar(args[0], counter);
      return path === null ? null : { path, value: args[1] };
    },
  };
}

const isList = (x: unknown): x is (string | number)[] => Array.isArray(x) && x.every(isScalar);

const oneOf = binary('one_of', 'in_list', { enum: 'is one of', text: 'is one of' }, 'list', isList);

/**
 * Every operator, in menu order. Specific forms come before general ones that would also match
 * them (`is true` before `equals`).
 */
export const CONDITION_OPERATORS: readonly ConditionOperator[] = [
  equalsConstant('is_true', true, 'is true'),
  equalsConstant('is_false', false, 'is false'),
  binary('equals', '==', { text: 'equals', number: '=', enum: 'is', any: 'equals' }, 'single', (x) =>
    isScalar(x),
  ),
  binary(
    'not_equals',
    '!=',
    { text: 'does not equal', number: '≠', enum: 'is not', any: 'does not equal' },
    'single',
    (x) => isScalar(x),
  ),
  binary('less', '<', { number: '<' }, 'single', isNumber),
  binary('at_most', '<=', { number: '≤' }, 'single', isNumber),
  binary('greater', '>', { number: '>' }, 'single', isNumber),
  binary('at_least', '>=', { number: '≥' }, 'single', isNumber),
  {
    id: 'between',
    labels: { number: 'between' },
    shape: 'range',
    offered: true,
    emit: (path, value) => {
      const [min, max] = value as [number, number];
      return { '<=': [min, v(path), max] };
    },
    read: (logic): Read => {
      const args = single(logic, '<=');
      if (args === null || args.length !== 3 || !isNumber(args[0]) || !isNumber(args[2])) return null;
      const path = varPath(args[1]);
      return path === null ? null : { path, value: [args[0], args[2]] };
    },
  },
  {
    id: 'contains',
    labels: { text: 'contains', any: 'contains' },
    shape: 'single',
    offered: true,
    emit: (path, value) => ({ in: [value, v(path)] }),
    read: (logic): Read => {
      const args = single(logic, 'in');
      if (args === null || args.length !== 2 || !isText(args[0])) return null;
      const path = varPath(args[1]);
      return path === null ? null : { path, value: args[0] };
    },
  },
  binary('starts_with', 'startsWith', { text: 'starts with', any: 'starts with' }, 'single', isText),
  binary('ends_with', 'endsWith', { text: 'ends with', any: 'ends with' }, 'single', isText),
  oneOf,
  {
    id: 'not_one_of',
    labels: { enum: 'is not one of', text: 'is not one of' },
    shape: 'list',
    offered: true,
    emit: (path, value) => ({ '!': oneOf.emit(path, value) }),
    read: (logic): Read => {
      const args = single(logic, '!');
      if (args === null || Array.isArray((logic as Record<string, unknown>)['!'])) return null;
      return oneOf.read(args[0]);
    },
  },
  // The standard `in` with a list, as older definitions write "is one of"; read, not offered.
  {
    ...binary('in', 'in', { enum: 'is in', text: 'is in', number: 'is in', any: 'is in' }, 'list', (x) =>
      isList(x),
    ),
    offered: false,
  },
  binary('before', 'before', { date: 'is before' }, 'date', isText),
  binary('after', 'after', { date: 'is after' }, 'date', isText),
  withinDays('within_last_days', 'days_since', 'within the last … days'),
  withinDays('within_next_days', 'days_until', 'within the next … days'),
  overDays('over_days_ago', 'days_since', 'more than … days ago'),
  overDays('over_days_ahead', 'days_until', 'more than … days from now'),
  relativeToNow('in_past', 'before', 'is in the past'),
  relativeToNow('in_future', 'after', 'is in the future'),
  unary('is_empty', '!', {
    text: 'is empty',
    number: 'is empty',
    date: 'is empty',
    enum: 'is empty',
    any: 'is empty',
  }),
  unary('is_not_empty', '!!', {
    text: 'is not empty',
    number: 'is not empty',
    date: 'is not empty',
    enum: 'is not empty',
    any: 'is not empty',
  }),
];

const BY_ID = new Map(CONDITION_OPERATORS.map((op) => [op.id, op]));

export function operatorById(id: OperatorId): ConditionOperator {
  return BY_ID.get(id)!;
}

/** The operators offered for a field of this kind, in menu order. */
export function operatorsFor(kind: ConditionFieldKind): ConditionOperator[] {
  return CONDITION_OPERATORS.filter((op) => op.offered && op.labels[kind] !== undefined);
}

/** The operator's words for a field of this kind (its first words when it does not suit the kind). */
export function operatorLabel(op: ConditionOperator, kind: ConditionFieldKind): string {
  return op.labels[kind] ?? Object.values(op.labels)[0] ?? op.id;
}

/** The operator and parts of a rule `logic` is exactly the form of, or null. */
export function readRule(logic: unknown): { operator: OperatorId; path: string; value: unknown } | null {
  for (const op of CONDITION_OPERATORS) {
    const read = op.read(logic);
    if (read !== null) return { operator: op.id, ...read };
  }
  return null;
}

/** Whether `value` can stay the value of an operator of this shape on this field. */
export function valueFits(value: unknown, shape: ValueShape, field: ConditionField): boolean {
  switch (shape) {
    case 'none':
      return true;
    case 'single':
      if (field.kind === 'number') return isNumber(value);
      if (field.kind === 'enum') return isText(value) && (field.options ?? []).includes(value);
      return isText(value);
    case 'date':
      return isText(value);
    case 'list':
      return isList(value);
    case 'range':
      return Array.isArray(value) && value.length === 2 && value.every(isNumber);
    case 'days':
      return isNumber(value);
  }
}

/** A starting value for an operator's value input on this field. */
export function defaultValue(shape: ValueShape, field: ConditionField): unknown {
  switch (shape) {
    case 'none':
      return null;
    case 'single':
      if (field.kind === 'number') return 0;
      return field.kind === 'enum' ? (field.options?.[0] ?? '') : '';
    case 'date':
      return '';
    case 'list':
      return [];
    case 'range':
      return [0, 100];
    case 'days':
      return 7;
  }
}
