import { evaluateRule, truthy } from '@baton/rules';
import { SEGMENT_TABLES, isoText, type SegmentColumn } from './segment-columns';
import type { SegmentEntity } from './segment.entity';
import { join, param, raw, sql, type SqlFragment } from './sql-fragment';

// Compiles the subset of JSON Logic whose JavaScript meaning PostgreSQL can reproduce exactly,
// coercions included (json-logic-js 2.0.5 semantics, as @baton/rules evaluates them). Anything
// else — an operator outside the subset, a comparison whose coercion SQL would get subtly wrong —
// returns null, and the caller evaluates records one by one instead. Every SQL predicate built
// here is never NULL, so `not` keeps the meaning of JavaScript's `!`.

type Primitive = null | boolean | number | string;
type Operand = { column: SegmentColumn } | { literal: Primitive };

const TRUE = raw('true');
const FALSE = raw('false');
const bool = (value: boolean): SqlFragment => (value ? TRUE : FALSE);

const FOLDABLE = new Set([
  '==',
  '!=',
  '===',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'in_list',
  'startsWith',
  'endsWith',
]);
const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function isPrimitive(value: unknown): value is Primitive {
  return value === null || ['boolean', 'number', 'string'].includes(typeof value);
}

function isPrimitiveList(value: unknown): value is Primitive[] {
  return Array.isArray(value) && value.every(isPrimitive);
}

/** `{ op: args }` with its arguments as json-logic-js reads them (a non-array is one argument). */
function operation(node: unknown): { name: string; args: readonly unknown[] } | null {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const name = keys[0]!;
  const value = (node as Record<string, unknown>)[name];
  return { name, args: Array.isArray(value) ? value : [value] };
}

/** JavaScript's ToNumber on a primitive, as relational operators apply it. */
function toNumber(value: Primitive): number {
  return Number(value);
}

/**
 * The WHERE condition (over the table aliased `r`) selecting exactly the records for which the
 * rule is truthy, or null when the rule uses something outside the compiled subset.
 *
 * @example
 * compileSegmentRule('lead', { '>=': [{ var: 'lead.score' }, 50] })
 * // { text: '(coalesce(r."score", 0)::float8 >= ?::float8)', params: [50] }
 */
export function compileSegmentRule(entity: SegmentEntity, rule: unknown): SqlFragment | null {
  return new RuleToSql(entity).predicate(rule);
}

/**
 * The compiled conjuncts of a top-level `and` whose other conjuncts are not compiled: a filter
 * every match passes, so a scan reads fewer records. Null when no conjunct compiles.
 */
export function compilePrefilter(entity: SegmentEntity, rule: unknown): SqlFragment | null {
  const op = operation(rule);
  if (op?.name !== 'and') return null;
  const compiler = new RuleToSql(entity);
  const parts = op.args.map((arg) => compiler.predicate(arg)).filter((p): p is SqlFragment => p !== null);
  return parts.length === 0 ? null : sql`(${join(parts, ' and ')})`;
}

class RuleToSql {
  private readonly columns: Readonly<Record<string, SegmentColumn>>;

  constructor(private readonly entity: SegmentEntity) {
    this.columns = SEGMENT_TABLES[entity].columns;
  }

  /** SQL that is true exactly when the node's value is truthy. */
  predicate(node: unknown): SqlFragment | null {
    if (isPrimitive(node)) return bool(truthy(node));
    const op = operation(node);
    if (op === null) return null;
    const { name, args } = op;
    if (FOLDABLE.has(name) && args.every((a) => isPrimitive(a) || isPrimitiveList(a))) {
      // No field involved: the evaluator itself says what the constant is.
      return bool(truthy(evaluateRule(node, {})));
    }
    switch (name) {
      case 'var': {
        const column = this.column(node);
        return column === null ? null : truthiness(column);
      }
      case 'and':
      case 'or':
        return this.connective(name, args);
      case '!':
      case '!!': {
        if (args.length !== 1) return null;
        const inner = this.predicate(args[0]);
        if (inner === null) return null;
        if (name === '!!') return inner;
        return inner === TRUE ? FALSE : inner === FALSE ? TRUE : sql`(not ${inner})`;
      }
      case '==':
      case '!=':
      case '===':
      case '!==': {
        if (args.length !== 2) return null;
        const equal = this.equality(args[0], args[1], name.length === 3);
        if (equal === null) return null;
        return name.startsWith('!') ? sql`(not ${equal})` : equal;
      }
      case '<':
      case '<=':
        if (args.length === 3) {
          const low = this.ordering(name, args[0], args[1]);
          const high = this.ordering(name, args[1], args[2]);
          return low === null || high === null ? null : sql`(${low} and ${high})`;
        }
        return args.length === 2 ? this.ordering(name, args[0], args[1]) : null;
      case '>':
      case '>=':
        return args.length === 2 ? this.ordering(name, args[0], args[1]) : null;
      case 'in':
      case 'in_list':
        return args.length === 2 ? this.membership(name, args[0], args[1]) : null;
      case 'missing':
        return this.missing(args);
      case 'startsWith':
      case 'endsWith':
        return args.length === 2 ? this.affix(name, args[0], args[1]) : null;
      default:
        return null;
    }
  }

  private connective(name: 'and' | 'or', args: readonly unknown[]): SqlFragment | null {
    if (args.length === 0) return null;
    // A constant decides an `and` when false and an `or` when true; otherwise it drops out.
    const decisive = name === 'and' ? FALSE : TRUE;
    const parts: SqlFragment[] = [];
    for (const arg of args) {
      const part = this.predicate(arg);
      if (part === null) return null;
      if (part === TRUE || part === FALSE) {
        if (part === decisive) return decisive;
      } else parts.push(part);
    }
    if (parts.length === 0) return decisive === FALSE ? TRUE : FALSE;
    return sql`(${join(parts, ` ${name} `)})`;
  }

  /** The column `{"var": "<entity>.<field>"}` reads; null for any other `var` (defaults included). */
  private column(node: unknown): SegmentColumn | null {
    const op = operation(node);
    if (op?.name !== 'var' || op.args.length !== 1) return null;
    const path = op.args[0];
    const prefix = `${this.entity}.`;
    if (typeof path !== 'string' || !path.startsWith(prefix)) return null;
    const field = path.slice(prefix.length);
    return Object.hasOwn(this.columns, field) ? this.columns[field]! : null;
  }

  private operand(node: unknown): Operand | null {
    if (isPrimitive(node)) return { literal: node };
    const column = this.column(node);
    return column === null ? null : { column };
  }

  private equality(left: unknown, right: unknown, strict: boolean): SqlFragment | null {
    const a = this.operand(left);
    const b = this.operand(right);
    if (a === null || b === null) return null;
    // Loose and strict equality are symmetric: put the column first.
    if ('column' in a && 'literal' in b) return columnEquals(a.column, b.literal, strict);
    if ('literal' in a && 'column' in b) return columnEquals(b.column, a.literal, strict);
    return null;
  }

  private ordering(op: string, left: unknown, right: unknown): SqlFragment | null {
    const a = this.operand(left);
    const b = this.operand(right);
    if (a === null || b === null) return null;
    if ('literal' in a && 'literal' in b)
      return bool(evaluateRule({ [op]: [a.literal, b.literal] }) === true);
    // `x < y` is `y > x` in JavaScript too, coercions and NaN included.
    if ('column' in a && 'literal' in b) return columnCompares(a.column, op, b.literal);
    if ('literal' in a && 'column' in b) return columnCompares(b.column, FLIPPED[op]!, a.literal);
    return null;
  }

  private membership(name: 'in' | 'in_list', needle: unknown, haystack: unknown): SqlFragment | null {
    const item = this.operand(needle);
    if (item === null) return null;
    if (isPrimitiveList(haystack)) {
      // Strict membership (`indexOf` / `includes`): only items of the field's type can match.
      return 'column' in item ? columnIn(item.column, haystack) : null;
    }
    const within = this.column(haystack);
    if (within === null) return null;
    // `in_list` needs an array; a field's value never is one.
    if (name === 'in_list') return FALSE;
    // `in` on a field: substring search for a literal needle (String(needle), as indexOf does).
    return 'literal' in item ? columnContains(within, String(item.literal)) : null;
  }

  private missing(args: readonly unknown[]): SqlFragment | null {
    const keys = Array.isArray(args[0]) ? (args.length === 1 ? (args[0] as unknown[]) : null) : args;
    if (keys === null) return null;
    const parts: SqlFragment[] = [];
    for (const key of keys) {
      const column = typeof key === 'string' ? this.column({ var: key }) : null;
      if (column === null) return null;
      parts.push(isMissing(column));
    }
    // `missing` lists the missing keys; the list is truthy when it is not empty.
    return parts.length === 0 ? FALSE : sql`(${join(parts, ' or ')})`;
  }

  private affix(name: 'startsWith' | 'endsWith', subject: unknown, part: unknown): SqlFragment | null {
    const column = this.column(subject);
    if (column === null || !isPrimitive(part)) return null;
    // Both operators are false for anything but a string subject; the part is String(part).
    if (column.kind === 'number') return FALSE;
    const text = textOf(column);
    const value = String(part);
    return name === 'startsWith'
      ? sql`coalesce(starts_with(${text}, ${param(value)}::text), false)`
      : sql`coalesce(right(${text}, char_length(${param(value)}::text)) = ${param(value)}::text, false)`;
  }
}

function textOf(column: SegmentColumn): SqlFragment {
  return raw(column.kind === 'timestamp' ? isoText(column) : column.sql);
}

function isNull(column: SegmentColumn): SqlFragment {
  return column.nullable ? sql`(${raw(column.sql)} is null)` : FALSE;
}

/** JSON Logic truthiness of the field: null, "" and 0 are falsy. */
function truthiness(column: SegmentColumn): SqlFragment {
  const value = raw(column.sql);
  switch (column.kind) {
    case 'text':
      return sql`coalesce(${value} <> '', false)`;
    case 'number':
      return sql`coalesce(${value} <> 0, false)`;
    case 'timestamp':
      return TRUE;
  }
}

/** The `missing` operator's test: null or "". */
function isMissing(column: SegmentColumn): SqlFragment {
  const value = raw(column.sql);
  switch (column.kind) {
    case 'text':
      return sql`coalesce(${value} = '', true)`;
    case 'number':
      return isNull(column);
    case 'timestamp':
      return FALSE;
  }
}

function columnEquals(column: SegmentColumn, literal: Primitive, strict: boolean): SqlFragment | null {
  // null == undefined only, and a field is never undefined: both equalities mean "is null".
  if (literal === null) return isNull(column);
  switch (column.kind) {
    case 'text':
      if (typeof literal === 'string')
        return sql`coalesce(${raw(column.sql)} = ${param(literal)}::text, false)`;
      // "10" == 10 converts the text to a number ("" and " " are 0, "0x10" is 16): left to the evaluator.
      return strict ? FALSE : null;
    case 'timestamp':
      // An ISO timestamp never converts to a number, so it equals no number or boolean.
      return typeof literal === 'string' ? sql`(${raw(isoText(column))} = ${param(literal)}::text)` : FALSE;
    case 'number': {
      if (strict && typeof literal !== 'number') return FALSE;
      const n = toNumber(literal);
      if (Number.isNaN(n)) return FALSE;
      // A JavaScript number is a double; an integer column converts to one exactly.
      return sql`coalesce(${raw(column.sql)}::float8 = ${param(n)}::float8, false)`;
    }
  }
}

function columnCompares(column: SegmentColumn, op: string, literal: Primitive): SqlFragment | null {
  switch (column.kind) {
    case 'number': {
      // Not two strings, so both sides become numbers: null is 0, a non-numeric string NaN.
      const n = toNumber(literal);
      if (Number.isNaN(n)) return FALSE;
      return sql`(coalesce(${raw(column.sql)}, 0)::float8 ${raw(op)} ${param(n)}::float8)`;
    }
    case 'timestamp':
      // Two strings compare by UTF-16 code units. The timestamp is ASCII, and against an ASCII
      // string byte order ("C") gives the same answer as code-unit order for any other string.
      if (typeof literal !== 'string') return FALSE;
      return sql`(${raw(isoText(column))} collate "C" ${raw(op)} ${param(literal)}::text)`;
    case 'text':
      // Database collations do not order like UTF-16 code units, and a null or numeric operand
      // turns the comparison numeric: left to the evaluator.
      return null;
  }
}

function columnIn(column: SegmentColumn, items: readonly Primitive[]): SqlFragment {
  const parts: SqlFragment[] = [];
  if (items.includes(null)) parts.push(isNull(column));
  if (column.kind === 'number') {
    const numbers = items.filter((i): i is number => typeof i === 'number');
    if (numbers.length > 0)
      parts.push(sql`coalesce(${raw(column.sql)}::float8 = any(${param(numbers)}::float8[]), false)`);
  } else {
    const strings = items.filter((i): i is string => typeof i === 'string');
    if (strings.length > 0)
      parts.push(sql`coalesce(${textOf(column)} = any(${param(strings)}::text[]), false)`);
  }
  return parts.length === 0 ? FALSE : sql`(${join(parts, ' or ')})`;
}

function columnContains(column: SegmentColumn, needle: string): SqlFragment {
  // A number has no indexOf, and "" or null is falsy: all false before any search.
  if (column.kind === 'number') return FALSE;
  const text = textOf(column);
  return sql`coalesce(${text} <> '' and strpos(${text}, ${param(needle)}::text) > 0, false)`;
}
