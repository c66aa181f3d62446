// Compiles JSON Logic into a tree of closures: each node is resolved once (operator lookup,
// argument shape, constant paths) instead of on every evaluation as json-logic-js does.
// No code generation: user rules never reach eval or new Function.

import { RuleError, pointer } from './errors';
import { getOperator } from './operators/registry';
import type { ApplyLogic, OperatorSpec } from './operators/spec';
import { isLogic, isWholeDataPath, ownValue, pathSegments, readSegments, truthy } from './semantics';
import type { CompiledRule, EvaluationContext } from './types';

type Ctx = EvaluationContext | undefined;
type Ev = (data: unknown, ctx: Ctx) => unknown;

interface Node {
  readonly ev: Ev;
  readonly constant: boolean;
  readonly value?: unknown;
  /** Set on `{"var": "a.b"}` nodes without default, so comparisons can read the path inline. */
  readonly path?: readonly string[];
}

// Comparisons must keep JavaScript's coercions, which TypeScript only allows on `any`.
type Loose = any;

/** Rules nested deeper than this are rejected with RULE_TOO_DEEP instead of overflowing the stack. */
export const MAX_COMPILE_DEPTH = 512;

const hasOwn = Object.prototype.hasOwnProperty;

const constant = (value: unknown): Node => ({ ev: () => value, constant: true, value });
const dynamic = (ev: Ev): Node => ({ ev, constant: false });

/**
 * Compiles a JSON Logic rule into a reusable function `(data, ctx?) => result` with the semantics
 * of json-logic-js 2.0.5, except that `var` only reads own properties and never `__proto__`,
 * `constructor` or `prototype`. Unknown operators throw RULE_UNKNOWN_OPERATOR when reached.
 *
 * @throws RuleError RULE_TOO_DEEP for rules nested deeper than {@link MAX_COMPILE_DEPTH}.
 */
export function compileRule(rule: unknown): CompiledRule {
  return compileNode(rule, '', 0).ev;
}

// json-logic-js re-evaluates some runtime values as logic (keys of `missing`, options of `missing_some`).
const applyLogic: ApplyLogic = (logic, data, ctx) => compileNode(logic, '', 0).ev(data, ctx);

function compileNode(logic: unknown, path: string, depth: number): Node {
  if (depth > MAX_COMPILE_DEPTH)
    throw new RuleError('RULE_TOO_DEEP', `Rule is nested deeper than ${MAX_COMPILE_DEPTH} levels`, path);
  if (Array.isArray(logic)) return compileArray(logic, path, depth);
  if (!isLogic(logic)) return constant(logic);

  const op = Object.keys(logic)[0] as string;
  const raw = logic[op];
  const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const opPath = pointer(path, op);
  const arg = (i: number): Node =>
    compileNode(args[i], Array.isArray(raw) ? pointer(opPath, i) : opPath, depth + 1);
  const all = (): Node[] => args.map((_, i) => arg(i));

  switch (op) {
    case 'if':
    case '?:':
      return compileIf(all());
    case 'and':
      return compileAndOr(all(), true);
    case 'or':
      return compileAndOr(all(), false);
    case 'map':
    case 'filter':
    case 'all':
    case 'none':
    case 'some':
      return compileScoped(op, arg(0).ev, arg(1).ev);
    case 'reduce':
      // json-logic-js tests the raw third argument, not its value, for undefined.
      return compileReduce(arg(0).ev, arg(1).ev, args[2] === undefined ? null : arg(2));
    case 'var':
      if (args.length <= 2 && (args[0] === null || typeof args[0] !== 'object')) {
        return compileVar(args[0], args.length === 2 ? arg(1) : null);
      }
      break;
    case 'missing':
      if (isKeyList(args)) return compileMissing(args);
      if (args.length === 1 && isKeyList(args[0])) return compileMissing(args[0] as readonly unknown[]);
      break;
    case '<':
    case '<=':
      if (args.length === 3) return compileBetween(op === '<', all() as [Node, Node, Node]);
      break;
    case 'in':
      if (args.length === 2) {
        const fast = compileConstantIn(arg(0).ev, args[1]);
        if (fast !== null) return fast;
      }
      break;
  }

  const nodes = all();
  const spec = getOperator(op);
  if (spec?.evaluate === undefined) return compileUnknown(op, path, nodes);
  return compileEager(op, spec, nodes);
}

function compileArray(items: readonly unknown[], path: string, depth: number): Node {
  const evs = items.map((item, i) => compileNode(item, pointer(path, i), depth + 1).ev);
  const n = evs.length;
  // A fresh array per evaluation, like json-logic-js, so callers may mutate results.
  return dynamic((d, c) => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = (evs[i] as Ev)(d, c);
    return out;
  });
}

function compileIf(nodes: readonly Node[]): Node {
  const n = nodes.length;
  if (n === 0) return constant(null);
  if (n === 1) return nodes[0] as Node;
  if (n === 3) {
    const [test, then, otherwise] = nodes.map((x) => x.ev) as [Ev, Ev, Ev];
    return dynamic((d, c) => (truthy(test(d, c)) ? then(d, c) : otherwise(d, c)));
  }
  const evs = nodes.map((x) => x.ev);
  const hasElse = n % 2 === 1;
  return dynamic((d, c) => {
    let i = 0;
    for (; i < n - 1; i += 2) if (truthy((evs[i] as Ev)(d, c))) return (evs[i + 1] as Ev)(d, c);
    return hasElse ? (evs[i] as Ev)(d, c) : null;
  });
}

function compileAndOr(nodes: readonly Node[], isAnd: boolean): Node {
  const n = nodes.length;
  // With no arguments json-logic-js returns its uninitialised accumulator.
  if (n === 0) return constant(undefined);
  if (n === 1) return nodes[0] as Node;
  const evs = nodes.map((x) => x.ev);
  if (n === 2) {
    const [a, b] = evs as [Ev, Ev];
    return dynamic(
      isAnd
        ? (d, c) => {
            const x = a(d, c);
            return truthy(x) ? b(d, c) : x;
          }
        : (d, c) => {
            const x = a(d, c);
            return truthy(x) ? x : b(d, c);
          },
    );
  }
  return dynamic((d, c) => {
    let current: unknown;
    for (let i = 0; i < n; i++) {
      current = (evs[i] as Ev)(d, c);
      if (truthy(current) !== isAnd) return current;
    }
    return current;
  });
}

function compileScoped(op: 'map' | 'filter' | 'all' | 'none' | 'some', source: Ev, logic: Ev): Node {
  switch (op) {
    case 'map':
      return dynamic((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items)) return [];
        const out = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) out[i] = logic(items[i], c);
        return out;
      });
    case 'filter':
      return dynamic((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items)) return [];
        const out: unknown[] = [];
        for (const item of items) if (truthy(logic(item, c))) out.push(item);
        return out;
      });
    case 'all':
      return dynamic((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items) || items.length === 0) return false;
        for (const item of items) if (!truthy(logic(item, c))) return false;
        return true;
      });
    case 'none':
      return dynamic((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items) || items.length === 0) return true;
        for (const item of items) if (truthy(logic(item, c))) return false;
        return true;
      });
    case 'some':
      return dynamic((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items) || items.length === 0) return false;
        for (const item of items) if (truthy(logic(item, c))) return true;
        return false;
      });
  }
}

function compileReduce(source: Ev, logic: Ev, initial: Node | null): Node {
  const init = initial?.ev;
  return dynamic((d, c) => {
    const items = source(d, c);
    let acc = init === undefined ? null : init(d, c);
    if (!Array.isArray(items)) return acc;
    for (const current of items) acc = logic({ current, accumulator: acc }, c);
    return acc;
  });
}

function compileVar(path: unknown, fallback: Node | null): Node {
  const def = fallback?.ev;
  if (isWholeDataPath(path)) {
    return def === undefined
      ? dynamic((d) => d)
      : dynamic((d, c) => {
          def(d, c);
          return d;
        });
  }
  const segments = pathSegments(path);
  if (def !== undefined) {
    return dynamic((d, c) => {
      const f = def(d, c);
      const notFound = f === undefined ? null : f;
      return segments === null ? notFound : readSegments(d, segments, notFound);
    });
  }
  if (segments === null) return dynamic(() => null);
  return { ev: (d) => readPath(d, segments), constant: false, path: segments };
}

// Module-level (not a closure) so V8 can inline it into the fused comparison closures below.
function readPath(d: unknown, segments: readonly string[]): unknown {
  if (segments.length === 1) {
    if (d === null || d === undefined) return null;
    const v = ownValue(d, segments[0] as string);
    return v === undefined ? null : v;
  }
  return readSegments(d, segments, null);
}

function compileConstantIn(needle: Ev, haystack: unknown): Node | null {
  // A literal list of primitives never escapes `in`, so it need not be rebuilt per evaluation.
  if (!Array.isArray(haystack) || haystack.some((x) => (x !== null && typeof x === 'object') || x !== x))
    return null;
  const list: readonly unknown[] = [...haystack];
  if (list.length <= 8) return dynamic((d, c) => list.indexOf(needle(d, c)) !== -1);
  // indexOf is strict equality; a Set agrees once NaN (absent, checked above) is out of the picture.
  const set = new Set(list);
  return dynamic((d, c) => set.has(needle(d, c)));
}

function isKeyList(value: unknown): boolean {
  return Array.isArray(value) && value.every((key) => key === null || typeof key !== 'object');
}

function compileMissing(keys: readonly unknown[]): Node {
  // Literal keys: split each path once instead of on every evaluation.
  const lookups = keys.map((key) => {
    const segments = isWholeDataPath(key) ? null : pathSegments(key);
    return { key, whole: isWholeDataPath(key), segments };
  });
  return dynamic((d) => {
    const out: unknown[] = [];
    for (const { key, whole, segments } of lookups) {
      const value = whole ? d : segments === null ? null : readSegments(d, segments, null);
      if (value === null || value === '') out.push(key);
    }
    return out;
  });
}

function compileBetween(strict: boolean, [x, y, z]: [Node, Node, Node]): Node {
  const [a, b, c] = [x.ev, y.ev, z.ev];
  return dynamic(
    strict
      ? (d, k) => {
          const lo = a(d, k) as Loose;
          const mid = b(d, k) as Loose;
          const hi = c(d, k) as Loose;
          return hi === undefined ? lo < mid : lo < mid && mid < hi;
        }
      : (d, k) => {
          const lo = a(d, k) as Loose;
          const mid = b(d, k) as Loose;
          const hi = c(d, k) as Loose;
          return hi === undefined ? lo <= mid : lo <= mid && mid <= hi;
        },
  );
}

type PathConstFactory = (p: readonly string[], k: Loose) => Ev;

// var-versus-literal, the commonest condition shape, fused into one closure.
const PATH_CONST: Readonly<Record<string, PathConstFactory>> = {
  '==': (p, k) => (d) => readPath(d, p) == k,
  '===': (p, k) => (d) => readPath(d, p) === k,
  '!=': (p, k) => (d) => readPath(d, p) != k,
  '!==': (p, k) => (d) => readPath(d, p) !== k,
  '<': (p, k) => (d) => (readPath(d, p) as Loose) < k,
  '<=': (p, k) => (d) => (readPath(d, p) as Loose) <= k,
  '>': (p, k) => (d) => (readPath(d, p) as Loose) > k,
  '>=': (p, k) => (d) => (readPath(d, p) as Loose) >= k,
};

type BinaryFactory = (a: Ev, b: Ev) => Ev;
type ConstFactory = (a: Ev, k: Loose) => Ev;

// Hand-written per operator so each comparison is a monomorphic closure V8 can inline.
const BINARY: Readonly<Record<string, BinaryFactory>> = {
  '==': (a, b) => (d, c) => a(d, c) == b(d, c),
  '===': (a, b) => (d, c) => a(d, c) === b(d, c),
  '!=': (a, b) => (d, c) => a(d, c) != b(d, c),
  '!==': (a, b) => (d, c) => a(d, c) !== b(d, c),
  '<': (a, b) => (d, c) => (a(d, c) as Loose) < (b(d, c) as Loose),
  '<=': (a, b) => (d, c) => (a(d, c) as Loose) <= (b(d, c) as Loose),
  '>': (a, b) => (d, c) => (a(d, c) as Loose) > (b(d, c) as Loose),
  '>=': (a, b) => (d, c) => (a(d, c) as Loose) >= (b(d, c) as Loose),
};

const BINARY_CONST: Readonly<Record<string, ConstFactory>> = {
  '==': (a, k) => (d, c) => a(d, c) == k,
  '===': (a, k) => (d, c) => a(d, c) === k,
  '!=': (a, k) => (d, c) => a(d, c) != k,
  '!==': (a, k) => (d, c) => a(d, c) !== k,
  '<': (a, k) => (d, c) => (a(d, c) as Loose) < k,
  '<=': (a, k) => (d, c) => (a(d, c) as Loose) <= k,
  '>': (a, k) => (d, c) => (a(d, c) as Loose) > k,
  '>=': (a, k) => (d, c) => (a(d, c) as Loose) >= k,
};

function compileEager(op: string, spec: OperatorSpec, nodes: readonly Node[]): Node {
  const n = nodes.length;
  const evaluate = spec.evaluate as NonNullable<OperatorSpec['evaluate']>;
  if (n === 2) {
    const [x, y] = nodes as [Node, Node];
    const pathFactory = hasOwn.call(PATH_CONST, op) ? PATH_CONST[op] : undefined;
    if (pathFactory !== undefined && x.path !== undefined && y.constant)
      return dynamic(pathFactory(x.path, y.value));
    const constFactory = hasOwn.call(BINARY_CONST, op) ? BINARY_CONST[op] : undefined;
    if (constFactory !== undefined && y.constant) return dynamic(constFactory(x.ev, y.value));
    const factory = hasOwn.call(BINARY, op) ? BINARY[op] : undefined;
    if (factory !== undefined) return dynamic(factory(x.ev, y.ev));
    const binary = spec.binary;
    if (binary !== undefined) {
      const a = x.ev;
      const b = y.ev;
      return dynamic((d, c) => binary(a(d, c), b(d, c), d, c));
    }
  }
  if (n === 1 && spec.unary !== undefined) {
    const unary = spec.unary;
    const a = (nodes[0] as Node).ev;
    return dynamic((d, c) => unary(a(d, c), d, c));
  }
  const evs = nodes.map((x) => x.ev);
  return dynamic((d, c) => {
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) values[i] = (evs[i] as Ev)(d, c);
    return evaluate(values, d, c, applyLogic);
  });
}

function compileUnknown(op: string, path: string, nodes: readonly Node[]): Node {
  const evs = nodes.map((x) => x.ev);
  // Like json-logic-js: arguments are evaluated first and the error is raised only if reached.
  return dynamic((d, c) => {
    for (const ev of evs) ev(d, c);
    throw new RuleError('RULE_UNKNOWN_OPERATOR', `Unrecognized operation ${op}`, path);
  });
}
