// The json-logic-js 2.0.5 operators. Bodies deliberately keep its JavaScript coercions
// (loose equality, parseFloat, String(), Math.min...) because results must agree exactly.

import { readVar, truthy } from '../semantics';
import type { ApplyLogic, OperatorSpec } from './spec';
import { param } from './spec';
import type { EvaluationContext } from '../types';

// Operands must keep JavaScript's coercions, which TypeScript only allows on `any`.
type Loose = any;

/** `parseFloat` as json-logic-js applies it to every operand of `+` and `*`. */
export function toFloat(value: unknown): number {
  // parseFloat(String(n)) is n for every number except -0, which prints as "0".
  if (typeof value === 'number') return value === 0 ? 0 : value;
  return parseFloat(value as string);
}

function sum(args: readonly unknown[]): number {
  let total = 0;
  for (const arg of args) total = total + toFloat(arg);
  return total;
}

function product(args: readonly unknown[]): unknown {
  // json-logic-js uses reduce without a seed: no arguments throw, one is returned untouched.
  if (args.length === 0) throw new TypeError('Reduce of empty array with no initial value');
  let acc: unknown = args[0];
  for (let i = 1; i < args.length; i++) acc = toFloat(acc) * toFloat(args[i]);
  return acc;
}

/** The `in` operator: `b.indexOf(a) !== -1`, false when `b` has no indexOf. */
export function inside(a: unknown, b: unknown): boolean {
  const haystack = b as Loose;
  if (!haystack || typeof haystack.indexOf === 'undefined') return false;
  return haystack.indexOf(a) !== -1;
}

function substr(source: unknown, start: unknown, end: unknown): string {
  // String#substr is deprecated but it is exactly what json-logic-js calls, coercions included.
  const s = String(source) as Loose;
  if ((end as Loose) < 0) {
    const temp = s.substr(start);
    return temp.substr(0, temp.length + (end as number));
  }
  return s.substr(start, end);
}

function lookupKey(
  key: unknown,
  data: unknown,
  ctx: EvaluationContext | undefined,
  apply: ApplyLogic,
): unknown {
  // json-logic-js evaluates {"var": key}: an array key spreads into var's arguments and an object key
  // is itself evaluated as logic. Primitive keys take the direct path.
  if (key !== null && typeof key === 'object') return apply({ var: key }, data, ctx);
  return readVar(data, key, undefined);
}

function missing(
  args: readonly unknown[],
  data: unknown,
  ctx: EvaluationContext | undefined,
  apply: ApplyLogic,
): unknown[] {
  const keys: readonly unknown[] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const out: unknown[] = [];
  for (const key of keys) {
    const value = lookupKey(key, data, ctx, apply);
    if (value === null || value === '') out.push(key);
  }
  return out;
}

function isPlainKeyList(value: unknown): value is readonly unknown[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (item !== null && typeof item === 'object') return false;
  return true;
}

function missingSome(
  args: readonly unknown[],
  data: unknown,
  ctx: EvaluationContext | undefined,
  apply: ApplyLogic,
): unknown {
  const needCount = args[0];
  const options = args[1] as Loose;
  // json-logic-js evaluates {"missing": options}, re-reading the options as logic.
  const areMissing = (
    isPlainKeyList(options) ? missing(options, data, ctx, apply) : apply({ missing: options }, data, ctx)
  ) as Loose;
  if (options.length - areMissing.length >= (needCount as Loose)) return [];
  return areMissing;
}

function concat(args: readonly unknown[]): string {
  // Array#join semantics (null and undefined become "") without building a second array.
  let out = '';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- "[object Object]" is what json-logic-js produces too
  for (const arg of args) if (arg !== null && arg !== undefined) out += String(arg);
  return out;
}

export function minus(a: unknown, b: unknown): number {
  return b === undefined ? -(a as Loose) : (a as Loose) - (b as Loose);
}

function log(value: unknown, ctx: EvaluationContext | undefined): unknown {
  ctx?.log?.(value);
  return value;
}

const equality: Record<'==' | '===' | '!=' | '!==', Pick<OperatorSpec, 'evaluate' | 'binary'>> = {
  '==': { evaluate: (args) => args[0] == args[1], binary: (a, b) => a == b },
  '===': { evaluate: (args) => args[0] === args[1], binary: (a, b) => a === b },
  '!=': { evaluate: (args) => args[0] != args[1], binary: (a, b) => a != b },
  '!==': { evaluate: (args) => args[0] !== args[1], binary: (a, b) => a !== b },
};

function between(a: Loose, b: Loose, c: Loose, strict: boolean): boolean {
  if (c === undefined) return strict ? a < b : a <= b;
  return strict ? a < b && b < c : a <= b && b <= c;
}

const ordering: Record<'>' | '>=' | '<' | '<=', Pick<OperatorSpec, 'evaluate' | 'binary'>> = {
  '>': {
    evaluate: (args) => (args[0] as Loose) > (args[1] as Loose),
    binary: (a, b) => (a as Loose) > (b as Loose),
  },
  '>=': {
    evaluate: (args) => (args[0] as Loose) >= (args[1] as Loose),
    binary: (a, b) => (a as Loose) >= (b as Loose),
  },
  '<': {
    evaluate: (args) => between(args[0], args[1], args[2], true),
    binary: (a, b) => (a as Loose) < (b as Loose),
  },
  '<=': {
    evaluate: (args) => between(args[0], args[1], args[2], false),
    binary: (a, b) => (a as Loose) <= (b as Loose),
  },
};

const anyParam = param('value', 'any');

/** Standard operators, in the order of the JsonLogic documentation. */
export const STANDARD_OPERATORS: readonly OperatorSpec[] = [
  {
    name: 'var',
    label: 'field',
    description:
      'Reads a value from the data by dotted path ("owner.email", "tags.0"); the optional second argument is the default.',
    category: 'data',
    standard: true,
    arity: { min: 0, max: 2 },
    params: [param('path', ['string', 'number', 'null']), param('default', 'any')],
    result: 'any',
    example: { var: ['owner.email', 'nobody@example.com'] },
    evaluate: (args, data) => readVar(data, args[0], args[1]),
    unary: (a, data) => readVar(data, a, undefined),
  },
  {
    name: 'missing',
    label: 'missing fields',
    description: 'Returns the keys (or the keys in one array argument) whose value is null, absent or "".',
    category: 'data',
    standard: true,
    arity: { min: 1, max: null },
    params: [],
    rest: param('key', ['string', 'number', 'array']),
    result: 'array',
    example: { missing: ['email', 'phone'] },
    evaluate: missing,
  },
  {
    name: 'missing_some',
    label: 'missing some fields',
    description: 'Returns [] when at least N of the keys are present, otherwise the missing keys.',
    category: 'data',
    standard: true,
    arity: { min: 2, max: 2 },
    params: [param('need', 'number'), param('keys', 'array')],
    result: 'array',
    example: { missing_some: [1, ['email', 'phone']] },
    evaluate: missingSome,
  },
  {
    name: 'if',
    label: 'if / then / else',
    description:
      'if(c1, v1, c2, v2, ..., else): the value after the first truthy condition; lazily evaluated.',
    category: 'logic',
    standard: true,
    arity: { min: 1, max: null },
    params: [],
    rest: anyParam,
    result: 'any',
    resultFrom: 'branches',
    example: { if: [{ '>': [{ var: 'score' }, 80] }, 'hot', 'cold'] },
  },
  {
    name: '?:',
    label: 'ternary',
    description: 'Alias of "if".',
    category: 'logic',
    standard: true,
    arity: { min: 1, max: null },
    params: [],
    rest: anyParam,
    result: 'any',
    resultFrom: 'branches',
    example: { '?:': [{ var: 'vip' }, 1, 2] },
  },
  ...(['==', '===', '!=', '!=='] as const).map((name): OperatorSpec => ({
    name,
    label: {
      '==': 'equals',
      '===': 'strictly equals',
      '!=': 'does not equal',
      '!==': 'strictly does not equal',
    }[name],
    description: `JavaScript ${name}${name.length === 2 ? ' (loose: 1 == "1")' : ''}.`,
    category: 'comparison',
    standard: true,
    arity: { min: 2, max: 2 },
    params: [param('left', 'any'), param('right', 'any')],
    result: 'boolean',
    comparison: true,
    example: { [name]: [{ var: 'status' }, 'open'] },
    ...equality[name],
  })),
  {
    name: '!',
    label: 'not',
    description: 'Negated JsonLogic truthiness ([] is falsy).',
    category: 'logic',
    standard: true,
    arity: { min: 1, max: 1 },
    params: [anyParam],
    result: 'boolean',
    example: { '!': { var: 'archived' } },
    evaluate: (args) => !truthy(args[0]),
    unary: (a) => !truthy(a),
  },
  {
    name: '!!',
    label: 'is truthy',
    description: 'JsonLogic truthiness as a boolean ([] is falsy).',
    category: 'logic',
    standard: true,
    arity: { min: 1, max: 1 },
    params: [anyParam],
    result: 'boolean',
    example: { '!!': { var: 'tags' } },
    evaluate: (args) => truthy(args[0]),
    unary: (a) => truthy(a),
  },
  {
    name: 'or',
    label: 'any of',
    description: 'The first truthy argument, else the last; lazily evaluated.',
    category: 'logic',
    standard: true,
    arity: { min: 1, max: null },
    params: [],
    rest: anyParam,
    result: 'any',
    resultFrom: 'branches',
    example: { or: [{ '==': [{ var: 'status' }, 'new'] }, { '>': [{ var: 'score' }, 50] }] },
  },
  {
    name: 'and',
    label: 'all of',
    description: 'The first falsy argument, else the last; lazily evaluated.',
    category: 'logic',
    standard: true,
    arity: { min: 1, max: null },
    params: [],
    rest: anyParam,
    result: 'any',
    resultFrom: 'branches',
    example: { and: [{ '==': [{ var: 'status' }, 'new'] }, { '>': [{ var: 'score' }, 50] }] },
  },
  ...(['>', '>=', '<', '<='] as const).map((name): OperatorSpec => ({
    name,
    label: { '>': 'greater than', '>=': 'at least', '<': 'less than', '<=': 'at most' }[name],
    description:
      name[0] === '<'
        ? `JavaScript ${name}; with three arguments a ${name} b ${name} c ("between").`
        : `JavaScript ${name} (strings compare as numbers when the other side is a number).`,
    category: 'comparison',
    standard: true,
    arity: { min: 2, max: name[0] === '<' ? 3 : 2 },
    params:
      name[0] === '<'
        ? [param('left', 'any'), param('right', 'any'), param('upper', 'any')]
        : [param('left', 'any'), param('right', 'any')],
    result: 'boolean',
    comparison: true,
    example: name[0] === '<' ? { [name]: [0, { var: 'score' }, 100] } : { [name]: [{ var: 'score' }, 50] },
    ...ordering[name],
  })),
  ...(['max', 'min'] as const).map((name): OperatorSpec => ({
    name,
    label: name === 'max' ? 'largest' : 'smallest',
    description: `Math.${name} of the arguments (no arguments: ${name === 'max' ? '-Infinity' : 'Infinity'}).`,
    category: 'arithmetic',
    standard: true,
    arity: { min: 1, max: null },
    params: [],
    rest: param('value', 'number'),
    result: 'number',
    example: { [name]: [{ var: 'score' }, 10] },
    evaluate: (args) => (name === 'max' ? Math.max(...(args as number[])) : Math.min(...(args as number[]))),
  })),
  {
    name: '+',
    label: 'plus',
    description: 'Sum after parseFloat of each argument; one argument casts a string to a number.',
    category: 'arithmetic',
    standard: true,
    arity: { min: 1, max: null },
    params: [],
    rest: param('value', 'number'),
    result: 'number',
    example: { '+': [{ var: 'score' }, 10] },
    evaluate: sum,
    unary: (a) => 0 + toFloat(a),
    binary: (a, b) => 0 + toFloat(a) + toFloat(b),
  },
  {
    name: '-',
    label: 'minus',
    description: 'a - b, or -a with one argument.',
    category: 'arithmetic',
    standard: true,
    arity: { min: 1, max: 2 },
    params: [param('left', 'number'), param('right', 'number')],
    result: 'number',
    example: { '-': [{ var: 'budget' }, { var: 'spent' }] },
    evaluate: (args) => minus(args[0], args[1]),
    unary: (a) => -(a as Loose),
    binary: minus,
  },
  {
    name: '*',
    label: 'times',
    description: 'Product after parseFloat of each argument (one argument is returned as is).',
    category: 'arithmetic',
    standard: true,
    arity: { min: 1, max: null },
    params: [],
    rest: param('value', 'number'),
    result: 'number',
    example: { '*': [{ var: 'price' }, 1.2] },
    evaluate: product,
    unary: (a) => a,
    binary: (a, b) => toFloat(a) * toFloat(b),
  },
  {
    name: '/',
    label: 'divided by',
    description: 'a / b.',
    category: 'arithmetic',
    standard: true,
    arity: { min: 2, max: 2 },
    params: [param('left', 'number'), param('right', 'number')],
    result: 'number',
    example: { '/': [{ var: 'won' }, { var: 'total' }] },
    evaluate: (args) => (args[0] as Loose) / (args[1] as Loose),
    binary: (a, b) => (a as Loose) / (b as Loose),
  },
  {
    name: '%',
    label: 'remainder',
    description: 'a % b.',
    category: 'arithmetic',
    standard: true,
    arity: { min: 2, max: 2 },
    params: [param('left', 'number'), param('right', 'number')],
    result: 'number',
    example: { '%': [{ var: 'id' }, 10] },
    evaluate: (args) => (args[0] as Loose) % (args[1] as Loose),
    binary: (a, b) => (a as Loose) % (b as Loose),
  },
  ...(
    [
      ['map', 'map each', 'The second argument evaluated with each element as data.', 'array'],
      ['filter', 'keep where', 'Elements for which the second argument is truthy.', 'array'],
      ['all', 'all items match', 'True when the array is non-empty and every element matches.', 'boolean'],
      ['none', 'no item matches', 'True when no element matches (or the array is empty).', 'boolean'],
      ['some', 'some item matches', 'True when at least one element matches.', 'boolean'],
    ] as const
  ).map(([name, label, description, result]): OperatorSpec => ({
    name,
    label,
    description,
    category: 'array',
    standard: true,
    arity: { min: 2, max: 2 },
    params: [param('items', 'array'), param('logic', 'any')],
    result,
    scoped: true,
    example: { [name]: [{ var: 'deals' }, { '>': [{ var: 'amount' }, 1000] }] },
  })),
  {
    name: 'reduce',
    label: 'reduce',
    description: 'Folds the array; the logic sees {current, accumulator}. Initial value defaults to null.',
    category: 'array',
    standard: true,
    arity: { min: 2, max: 3 },
    params: [param('items', 'array'), param('logic', 'any'), param('initial', 'any')],
    result: 'any',
    scoped: true,
    example: { reduce: [{ var: 'deals' }, { '+': [{ var: 'current.amount' }, { var: 'accumulator' }] }, 0] },
  },
  {
    name: 'merge',
    label: 'merge',
    description: 'Concatenates arrays (non-arrays are appended as elements), one level deep.',
    category: 'array',
    standard: true,
    arity: { min: 0, max: null },
    params: [],
    rest: anyParam,
    result: 'array',
    example: { merge: [{ var: 'tags' }, ['vip']] },
    evaluate: (args) => args.reduce((a: unknown[], b) => a.concat(b), []),
  },
  {
    name: 'in',
    label: 'is in / contains',
    description: 'b.indexOf(a) !== -1: substring for a string b, strict membership for an array b.',
    category: 'array',
    standard: true,
    arity: { min: 2, max: 2 },
    params: [param('needle', 'any'), param('haystack', ['string', 'array'])],
    result: 'boolean',
    example: { in: [{ var: 'stage' }, ['won', 'lost']] },
    evaluate: (args) => inside(args[0], args[1]),
    binary: inside,
  },
  {
    name: 'cat',
    label: 'concatenate',
    description: 'Joins the arguments as strings (null becomes "").',
    category: 'string',
    standard: true,
    arity: { min: 0, max: null },
    params: [],
    rest: anyParam,
    result: 'string',
    example: { cat: [{ var: 'firstName' }, ' ', { var: 'lastName' }] },
    evaluate: concat,
  },
  {
    name: 'substr',
    label: 'substring',
    description:
      'substr(s, start[, length]); negative start counts from the end, negative length drops characters from the end.',
    category: 'string',
    standard: true,
    arity: { min: 2, max: 3 },
    params: [param('text', 'any'), param('start', 'number'), param('length', 'number')],
    result: 'string',
    example: { substr: [{ var: 'postcode' }, 0, 2] },
    evaluate: (args) => substr(args[0], args[1], args[2]),
  },
  {
    name: 'log',
    label: 'log',
    description: 'Returns its argument and passes it to ctx.log (silent without one).',
    category: 'data',
    standard: true,
    arity: { min: 1, max: 1 },
    params: [anyParam],
    result: 'any',
    resultFrom: 'first',
    example: { log: { var: 'score' } },
    evaluate: (args, _data, ctx) => log(args[0], ctx),
    unary: (a, _data, ctx) => log(a, ctx),
  },
];
