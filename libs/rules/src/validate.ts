import { parseInstant } from './dates';
import { pointer } from './errors';
import type { RuleErrorCode } from './errors';
import { getOperator } from './operators/registry';
import type { OperatorSpec, ParamSpec } from './operators/spec';
import { ANY, childShape, rootShape } from './schema';
import type { FieldSchema, Shape } from './schema';
import { FORBIDDEN_KEYS, isWholeDataPath } from './semantics';
import type { RuleType } from './types';

/** One problem found by {@link validateRule}. `path` is a JSON Pointer into the rule ("" is the root). */
export interface RuleIssue {
  readonly code: RuleErrorCode;
  readonly path: string;
  readonly message: string;
}

/** Result of {@link validateRule}: `ok` is true exactly when `errors` is empty. */
export interface ValidationResult {
  readonly ok: boolean;
  readonly errors: readonly RuleIssue[];
}

/** Limits applied by {@link validateRule}. */
export interface ValidateOptions {
  /** Deepest allowed nesting of operations and arrays (default 32). */
  readonly maxDepth?: number;
  /** Most allowed nodes in the rule (default 2000). */
  readonly maxNodes?: number;
}

/** Default {@link ValidateOptions}. */
export const VALIDATION_LIMITS = { maxDepth: 32, maxNodes: 2000 } as const;

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

const literal = (type: RuleType, value: unknown): Shape => ({ type, literal: { value } });

class Validator {
  readonly errors: RuleIssue[] = [];
  private nodes = 0;
  private tooLarge = false;

  constructor(
    private readonly maxDepth: number,
    private readonly maxNodes: number,
  ) {}

  report(code: RuleErrorCode, path: string, message: string): void {
    this.errors.push({ code, path, message });
  }

  walk(node: unknown, path: string, scope: Shape | null, depth: number): Shape {
    if (++this.nodes > this.maxNodes) {
      if (!this.tooLarge) this.report('RULE_TOO_LARGE', path, `Rule has more than ${this.maxNodes} nodes`);
      this.tooLarge = true;
      return ANY;
    }
    if (depth > this.maxDepth) {
      this.report('RULE_TOO_DEEP', path, `Rule is nested deeper than ${this.maxDepth} levels`);
      return ANY;
    }
    switch (typeof node) {
      case 'string':
        return literal('string', node);
      case 'boolean':
        return literal('boolean', node);
      case 'number':
        if (!Number.isFinite(node)) this.report('RULE_MALFORMED', path, `${node} is not a JSON number`);
        return literal('number', node);
      case 'object':
        break;
      case 'undefined':
      case 'function':
      case 'symbol':
      case 'bigint':
        this.report('RULE_MALFORMED', path, `A ${typeof node} is not JSON`);
        return ANY;
    }
    if (node === null) return literal('null', null);
    if (Array.isArray(node)) {
      const items = node.map((item, i) => this.walk(item, pointer(path, i), scope, depth + 1));
      return items.every((s) => s.literal !== undefined) ? literal('array', node) : { type: 'array' };
    }
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      this.report(
        'RULE_MALFORMED',
        path,
        `An operation is an object with exactly one key (found ${keys.length})`,
      );
      return { type: 'object' };
    }
    return this.operation(node as Record<string, unknown>, keys[0] as string, path, scope, depth);
  }

  private operation(
    node: Record<string, unknown>,
    op: string,
    path: string,
    scope: Shape | null,
    depth: number,
  ): Shape {
    const raw = node[op];
    const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    const opPath = pointer(path, op);
    const argPath = (i: number): string => (Array.isArray(raw) ? pointer(opPath, i) : opPath);
    const spec = getOperator(op);
    if (spec === undefined) {
      this.report('RULE_UNKNOWN_OPERATOR', path, `Unknown operator "${op}"`);
      args.forEach((arg, i) => this.walk(arg, argPath(i), scope, depth + 1));
      return ANY;
    }
    const { min, max } = spec.arity;
    if (args.length < min || (max !== null && args.length > max)) {
      const expected = max === null ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
      this.report('RULE_BAD_ARITY', path, `"${op}" takes ${expected} argument(s), got ${args.length}`);
    }

    const shapes: Shape[] = [];
    if (spec.scoped) {
      const source = this.walk(args[0], argPath(0), scope, depth + 1);
      shapes.push(source);
      const element = source.type === 'array' ? (source.items ?? ANY) : source.type === 'any' ? ANY : null;
      // Inside the logic, data is the element (for reduce: {current, accumulator}).
      const inner: Shape | null =
        scope === null
          ? null
          : op === 'reduce'
            ? { type: 'object', members: { current: element ?? ANY, accumulator: ANY } }
            : element;
      if (args.length > 1) shapes.push(this.walk(args[1], argPath(1), inner, depth + 1));
      for (let i = 2; i < args.length; i++) shapes.push(this.walk(args[i], argPath(i), scope, depth + 1));
    } else {
      args.forEach((arg, i) => shapes.push(this.walk(arg, argPath(i), scope, depth + 1)));
    }

    if (op === 'var') return this.checkVar(args, shapes, argPath(0), scope);
    if (op === 'missing' || op === 'missing_some') this.checkKeys(op, args, argPath, scope);
    this.checkTypes(spec, op, shapes, path, argPath);
    return resultShape(spec, op, shapes);
  }

  private checkVar(
    args: readonly unknown[],
    shapes: readonly Shape[],
    path: string,
    scope: Shape | null,
  ): Shape {
    const target = args[0];
    if (target !== null && typeof target === 'object') return ANY;
    if (isWholeDataPath(target)) return scope ?? ANY;
    const resolved = this.resolvePath(String(target), path, scope);
    const fallback = shapes[1];
    if (resolved.type === 'any' && fallback !== undefined && fallback.type !== 'null')
      return { type: fallback.type };
    return resolved;
  }

  private checkKeys(
    op: string,
    args: readonly unknown[],
    argPath: (i: number) => string,
    scope: Shape | null,
  ): void {
    const listIndex = op === 'missing_some' ? 1 : 0;
    const list = op === 'missing' && !Array.isArray(args[0]) ? args : args[listIndex];
    if (!Array.isArray(list)) return;
    list.forEach((key, i) => {
      if (typeof key !== 'string' && typeof key !== 'number') return;
      const base = list === args ? argPath(i) : pointer(argPath(listIndex), i);
      this.resolvePath(String(key), base, scope);
    });
  }

  private resolvePath(target: string, path: string, scope: Shape | null): Shape {
    const segments = target.split('.');
    const forbidden = segments.find((s) => FORBIDDEN_KEYS.has(s));
    if (forbidden !== undefined) {
      this.report('RULE_FORBIDDEN_PATH', path, `"${target}" uses the forbidden key "${forbidden}"`);
      return ANY;
    }
    let shape: Shape | null = scope;
    for (let i = 0; i < segments.length && shape !== null; i++) {
      const next: Shape | null = childShape(shape, segments[i] as string);
      if (next === null) {
        const known =
          shape.type === 'object' && shape.fields !== undefined
            ? `; known fields: ${Object.keys(shape.fields).join(', ')}`
            : '';
        this.report(
          'RULE_UNKNOWN_FIELD',
          path,
          `Unknown field "${segments.slice(0, i + 1).join('.')}"${known}`,
        );
        return ANY;
      }
      shape = next;
    }
    return shape ?? ANY;
  }

  private checkTypes(
    spec: OperatorSpec,
    op: string,
    shapes: readonly Shape[],
    path: string,
    argPath: (i: number) => string,
  ): void {
    if (spec.comparison) {
      for (let i = 0; i + 1 < shapes.length; i++) {
        const a = shapes[i] as Shape;
        const b = shapes[i + 1] as Shape;
        if (!comparable(a, b))
          this.report('RULE_TYPE_MISMATCH', path, `"${op}" compares ${describe(a)} with ${describe(b)}`);
      }
      return;
    }
    shapes.forEach((shape, i) => {
      const param = spec.params[i] ?? spec.rest;
      if (param === undefined) return;
      if (!accepts(param, shape)) {
        this.report(
          'RULE_TYPE_MISMATCH',
          argPath(i),
          `"${op}" expects ${typeList(param)} for "${param.name}", got ${describe(shape)}`,
        );
      } else if (
        param.oneOf !== undefined &&
        shape.literal !== undefined &&
        !param.oneOf.includes(shape.literal.value as string)
      ) {
        this.report(
          'RULE_BAD_ARGUMENT',
          argPath(i),
          `"${param.name}" must be one of ${param.oneOf.join(', ')}`,
        );
      }
    });
  }
}

function resultShape(spec: OperatorSpec, op: string, shapes: readonly Shape[]): Shape {
  if (spec.resultFrom === 'first') return shapes[0] === undefined ? ANY : { type: shapes[0].type };
  if (spec.resultFrom === 'branches') {
    const branches =
      op === 'if' || op === '?:' ? shapes.filter((_, i) => i % 2 === 1 || i === shapes.length - 1) : shapes;
    const types = new Set(branches.map((s) => s.type));
    return types.size === 1 ? { type: [...types][0] as RuleType } : ANY;
  }
  return { type: spec.result };
}

function isNumericString(shape: Shape): boolean {
  return typeof shape.literal?.value === 'string' && NUMERIC.test(shape.literal.value);
}

function isDateString(shape: Shape): boolean {
  return parseInstant(shape.literal?.value) !== null;
}

function accepts(param: ParamSpec, shape: Shape): boolean {
  const types: readonly RuleType[] = typeof param.type === 'string' ? [param.type] : param.type;
  if (shape.type === 'any' || shape.type === 'null' || types.includes('any') || types.includes(shape.type))
    return true;
  if (shape.type === 'string') {
    // Non-literal strings may hold numbers or dates; literals are checked for what they hold.
    if (shape.literal === undefined) return types.includes('number') || types.includes('date');
    return (
      (types.includes('number') && isNumericString(shape)) || (types.includes('date') && isDateString(shape))
    );
  }
  return shape.type === 'date' && types.includes('string');
}

function comparable(a: Shape, b: Shape): boolean {
  if (a.type === 'any' || b.type === 'any' || a.type === 'null' || b.type === 'null' || a.type === b.type)
    return true;
  const pair = (x: RuleType, y: RuleType): Shape | null =>
    a.type === x && b.type === y ? b : b.type === x && a.type === y ? a : null;
  const dateText = pair('date', 'string');
  if (dateText !== null) return dateText.literal === undefined || isDateString(dateText);
  const numberText = pair('number', 'string');
  if (numberText !== null) return numberText.literal !== undefined && isNumericString(numberText);
  return false;
}

function describe(shape: Shape): string {
  return shape.literal === undefined
    ? `a ${shape.type}`
    : `${shape.type} ${JSON.stringify(shape.literal.value)}`;
}

function typeList(param: ParamSpec): string {
  return typeof param.type === 'string' ? `a ${param.type}` : param.type.join(' or ');
}

/**
 * Checks a rule without running it: known operators, arity, forbidden and (with a schema) unknown
 * `var` paths, static type mismatches and size limits. Never throws.
 */
export function validateRule(
  rule: unknown,
  schema?: FieldSchema,
  options: ValidateOptions = {},
): ValidationResult {
  const validator = new Validator(
    options.maxDepth ?? VALIDATION_LIMITS.maxDepth,
    options.maxNodes ?? VALIDATION_LIMITS.maxNodes,
  );
  try {
    validator.walk(rule, '', schema === undefined ? null : rootShape(schema), 0);
  } catch (error) {
    validator.report(
      'RULE_MALFORMED',
      '',
      `Rule could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { ok: validator.errors.length === 0, errors: validator.errors };
}
