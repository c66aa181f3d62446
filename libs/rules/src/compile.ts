// Compiles JSON Logic into a tree of closures: each node is resolved once (operator lookup,
// argument shape, constant paths) instead of on every evaluation as json-logic-js does.
// No code generation: user rules never reach eval or new Function.
//
// Speed comes from picking, at compile time, a closure written for the node's exact shape. Each
// shape has its own function literal in this file, so V8 keeps separate type feedback per shape
// and can inline the module-level helpers it calls (readPath, truthy...). Every fast path computes
// exactly what the generic path computes; the differential tests hold them to that. Most of the
// remaining time is in readPath: an own-property check plus a keyed load per path segment.

import { RuleError, pointer } from './errors';
import { getOperator } from './operators/registry';
import type { ApplyLogic, OperatorSpec } from './operators/spec';
import { minus, toFloat } from './operators/standard';
import { isLogic, isWholeDataPath, pathSegments, readSegments, truthy } from './semantics';
import type { CompiledRule, EvaluationContext } from './types';

type Ctx = EvaluationContext | undefined;
type Ev = (data: unknown, ctx: Ctx) => unknown;
type Pred = (data: unknown, ctx: Ctx) => boolean;

/**
 * What a node can evaluate to, so that its parent can pick cheaper code:
 * `bool` is always true or false, `string` always a string, `scalar` never an array (so JSON Logic
 * truthiness is plain JavaScript truthiness), `any` anything.
 */
export type Kind = 'bool' | 'string' | 'scalar' | 'any';

interface Node {
  readonly ev: Ev;
  readonly kind: Kind;
  readonly constant: boolean;
  readonly value?: unknown;
  /** Set on `{"var": "a.b"}` nodes without default, so parents can read the path inline. */
  readonly path?: readonly string[];
  /** Computes `truthy(ev(data, ctx))` more cheaply (no allocation, no truthy call), when possible. */
  readonly test?: Pred;
}

/**
 * What `data` is for a node: the caller's data, or the `{current, accumulator}` object that
 * `reduce` builds itself, whose two own properties can then be read without checks.
 */
type Scope = 'data' | 'reduce';

// Comparisons must keep JavaScript's coercions, which TypeScript only allows on `any`.
type Loose = any;

/** Rules nested deeper than this are rejected with RULE_TOO_DEEP instead of overflowing the stack. */
export const MAX_COMPILE_DEPTH = 512;

const hasOwn = Object.prototype.hasOwnProperty;

function kindOf(value: unknown): Kind {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'any' : 'scalar';
}

function join(nodes: readonly Node[]): Kind {
  const first = (nodes[0] as Node).kind;
  if (nodes.every((x) => x.kind === first)) return first;
  return nodes.some((x) => x.kind === 'any') ? 'any' : 'scalar';
}

const constant = (value: unknown): Node => ({
  ev: () => value,
  kind: kindOf(value),
  constant: true,
  value,
});
const dynamic = (ev: Ev, kind: Kind = 'any', test?: Pred): Node =>
  test === undefined ? { ev, kind, constant: false } : { ev, kind, constant: false, test };
const predicate = (test: Pred): Node => ({ ev: test, kind: 'bool', constant: false, test });

/** `truthy(node(data, ctx))` as a closure, without the truthy call when the node's kind allows. */
function predOf(node: Node): Pred {
  if (node.test !== undefined) return node.test;
  if (node.constant) {
    const t = truthy(node.value);
    return () => t;
  }
  const ev = node.ev;
  if (node.kind === 'bool') return ev as Pred;
  if (node.kind === 'any') return (d, c) => truthy(ev(d, c));
  return (d, c) => !!ev(d, c);
}

/**
 * Compiles a JSON Logic rule into a reusable function `(data, ctx?) => result` with the semantics
 * of json-logic-js 2.0.5, except that `var` only reads own properties and never `__proto__`,
 * `constructor` or `prototype`. Unknown operators throw RULE_UNKNOWN_OPERATOR when reached.
 *
 * @throws RuleError RULE_TOO_DEEP for rules nested deeper than {@link MAX_COMPILE_DEPTH}.
 */
export function compileRule(rule: unknown): CompiledRule {
  return compileNode(rule, '', 0, 'data').ev;
}

/**
 * Compiles a subtree met at JSON Pointer `path`, `depth` levels down, with the closure tree: the
 * fallback of the generated back-end (generate.ts) for shapes it has no template for. Error paths
 * and the depth limit come out exactly as if the whole rule had been compiled here.
 */
export function compileAt(rule: unknown, path: string, depth: number): CompiledRule {
  return compileNode(rule, path, depth, 'data').ev;
}

// json-logic-js re-evaluates some runtime values as logic (keys of `missing`, options of `missing_some`).
const applyLogic: ApplyLogic = (logic, data, ctx) => compileNode(logic, '', 0, 'data').ev(data, ctx);

function compileNode(logic: unknown, path: string, depth: number, scope: Scope): Node {
  if (depth > MAX_COMPILE_DEPTH)
    throw new RuleError('RULE_TOO_DEEP', `Rule is nested deeper than ${MAX_COMPILE_DEPTH} levels`, path);
  if (Array.isArray(logic)) return compileArray(logic, path, depth, scope);
  if (!isLogic(logic)) return constant(logic);

  const op = Object.keys(logic)[0] as string;
  const raw = logic[op];
  const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const opPath = pointer(path, op);
  const arg = (i: number, s: Scope = scope): Node =>
    compileNode(args[i], Array.isArray(raw) ? pointer(opPath, i) : opPath, depth + 1, s);
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
      // The logic runs with each element as data, whatever the scope outside.
      return compileScoped(op, arg(0).ev, arg(1, 'data'));
    case 'reduce':
      // json-logic-js tests the raw third argument, not its value, for undefined.
      return compileReduce(arg(0).ev, arg(1, 'reduce').ev, args[2] === undefined ? null : arg(2));
    case 'var':
      if (args.length <= 2 && (args[0] === null || typeof args[0] !== 'object')) {
        return compileVar(args[0], args.length === 2 ? arg(1) : null, scope);
      }
      break;
    case 'missing':
      if (isKeyList(args)) return compileMissing(args);
      if (args.length === 1 && isKeyList(args[0])) return compileMissing(args[0] as readonly unknown[]);
      break;
    case '!':
    case '!!':
      if (args.length === 1) return compileNot(arg(0), op === '!');
      break;
    case '<':
    case '<=':
      if (args.length === 3) return compileBetween(op === '<', all() as [Node, Node, Node]);
      break;
    case 'cat':
      return compileCat(all());
  }

  const nodes = all();
  const spec = getOperator(op);
  if (spec?.evaluate === undefined) return compileUnknown(op, path, nodes);
  if (op === 'in' && nodes.length === 2) {
    const fast = compileIn(nodes[0] as Node, nodes[1] as Node, args[1]);
    if (fast !== null) return fast;
  }
  return compileEager(op, spec, nodes);
}

function compileArray(items: readonly unknown[], path: string, depth: number, scope: Scope): Node {
  const evs = items.map((item, i) => compileNode(item, pointer(path, i), depth + 1, scope).ev);
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
    const [x, y, z] = nodes as [Node, Node, Node];
    const cond = predOf(x);
    const then = y.ev;
    const otherwise = z.ev;
    const thenTest = predOf(y);
    const elseTest = predOf(z);
    return dynamic(
      (d, c) => (cond(d, c) ? then(d, c) : otherwise(d, c)),
      join([y, z]),
      (d, c) => (cond(d, c) ? thenTest(d, c) : elseTest(d, c)),
    );
  }
  const evs = nodes.map((x) => x.ev);
  const conds = nodes.map(predOf);
  const hasElse = n % 2 === 1;
  const branches = nodes.filter((_, i) => i % 2 === 1 || i === n - 1);
  return dynamic(
    (d, c) => {
      let i = 0;
      for (; i < n - 1; i += 2) if ((conds[i] as Pred)(d, c)) return (evs[i + 1] as Ev)(d, c);
      return hasElse ? (evs[i] as Ev)(d, c) : null;
    },
    hasElse ? join(branches) : 'any',
  );
}

function compileAndOr(nodes: readonly Node[], isAnd: boolean): Node {
  const n = nodes.length;
  // With no arguments json-logic-js returns its uninitialised accumulator.
  if (n === 0) return constant(undefined);
  if (n === 1) return nodes[0] as Node;
  const kind = join(nodes);
  const test = isAnd ? allOf(nodes.map(predOf)) : anyOf(nodes.map(predOf));
  if (kind === 'bool') return predicate(test);
  const evs = nodes.map((x) => x.ev);
  // JavaScript's && and || agree with JSON Logic's and/or unless a tested operand is an array.
  if (nodes.slice(0, -1).every((x) => x.kind !== 'any')) {
    if (n === 2) {
      const [a, b] = evs as [Ev, Ev];
      return dynamic(isAnd ? (d, c) => a(d, c) && b(d, c) : (d, c) => a(d, c) || b(d, c), kind, test);
    }
    if (n === 3) {
      const [a, b, e] = evs as [Ev, Ev, Ev];
      return dynamic(
        isAnd ? (d, c) => a(d, c) && b(d, c) && e(d, c) : (d, c) => a(d, c) || b(d, c) || e(d, c),
        kind,
        test,
      );
    }
  }
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
      kind,
      test,
    );
  }
  return dynamic(
    (d, c) => {
      let current: unknown;
      for (let i = 0; i < n; i++) {
        current = (evs[i] as Ev)(d, c);
        if (truthy(current) !== isAnd) return current;
      }
      return current;
    },
    kind,
    test,
  );
}

// Conjunctions and disjunctions of predicates, unrolled for the common small counts.
function allOf(preds: readonly Pred[]): Pred {
  const n = preds.length;
  const [a, b, c, e] = preds as [Pred, Pred, Pred, Pred];
  if (n === 2) return (d, k) => a(d, k) && b(d, k);
  if (n === 3) return (d, k) => a(d, k) && b(d, k) && c(d, k);
  if (n === 4) return (d, k) => a(d, k) && b(d, k) && c(d, k) && e(d, k);
  return (d, k) => {
    for (let i = 0; i < n; i++) if (!(preds[i] as Pred)(d, k)) return false;
    return true;
  };
}

function anyOf(preds: readonly Pred[]): Pred {
  const n = preds.length;
  const [a, b, c, e] = preds as [Pred, Pred, Pred, Pred];
  if (n === 2) return (d, k) => a(d, k) || b(d, k);
  if (n === 3) return (d, k) => a(d, k) || b(d, k) || c(d, k);
  if (n === 4) return (d, k) => a(d, k) || b(d, k) || c(d, k) || e(d, k);
  return (d, k) => {
    for (let i = 0; i < n; i++) if ((preds[i] as Pred)(d, k)) return true;
    return false;
  };
}

function compileNot(child: Node, negate: boolean): Node {
  if (child.constant) return constant(negate !== truthy(child.value));
  const path = child.path;
  if (negate && path !== undefined) return predicate((d) => !truthy(readPath(d, path)));
  const test = predOf(child);
  return negate ? predicate((d, c) => !test(d, c)) : predicate(test);
}

function compileScoped(op: 'map' | 'filter' | 'all' | 'none' | 'some', source: Ev, body: Node): Node {
  if (op === 'map') {
    const logic = body.ev;
    return dynamic((d, c) => {
      const items = source(d, c);
      if (!Array.isArray(items)) return [];
      const out = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) out[i] = logic(items[i], c);
      return out;
    });
  }
  const test = predOf(body);
  switch (op) {
    case 'filter':
      return dynamic((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items)) return [];
        const out: unknown[] = [];
        for (let i = 0; i < items.length; i++) {
          const item: unknown = items[i];
          if (test(item, c)) out.push(item);
        }
        return out;
      });
    case 'all':
      return predicate((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items) || items.length === 0) return false;
        for (let i = 0; i < items.length; i++) if (!test(items[i], c)) return false;
        return true;
      });
    case 'none':
      return predicate((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items) || items.length === 0) return true;
        for (let i = 0; i < items.length; i++) if (test(items[i], c)) return false;
        return true;
      });
    case 'some':
      return predicate((d, c) => {
        const items = source(d, c);
        if (!Array.isArray(items) || items.length === 0) return false;
        for (let i = 0; i < items.length; i++) if (test(items[i], c)) return true;
        return false;
      });
  }
}

/** The data `reduce` passes to its logic, built by us: both properties are own, nothing else is. */
interface ReduceScope {
  current: unknown;
  accumulator: unknown;
}

function compileReduce(source: Ev, logic: Ev, initial: Node | null): Node {
  const init = initial?.ev;
  return dynamic((d, c) => {
    const items = source(d, c);
    let acc = init === undefined ? null : init(d, c);
    if (!Array.isArray(items)) return acc;
    for (let i = 0; i < items.length; i++) {
      const scope: ReduceScope = { current: items[i], accumulator: acc };
      acc = logic(scope, c);
    }
    return acc;
  });
}

function compileVar(path: unknown, fallback: Node | null, scope: Scope): Node {
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
  if (segments === null) return constant(null);
  if (scope === 'reduce') {
    const fast = compileScopeVar(segments);
    if (fast !== null) return fast;
  }
  return {
    ev: (d) => readPath(d, segments),
    kind: 'any',
    constant: false,
    path: segments,
    test: (d) => truthy(readPath(d, segments)),
  };
}

/**
 * `var` inside a reduce, whose data is always our own `{current, accumulator}` object: those two
 * properties are own by construction, so they are read directly; the rest of the path is read
 * with the usual checks.
 */
function compileScopeVar(segments: readonly string[]): Node | null {
  const rest = segments.slice(1);
  const [first, second] = rest;
  if (segments[0] === 'current') {
    if (first === undefined) return dynamic((d) => nullish((d as ReduceScope).current));
    if (second === undefined) return dynamic((d) => read1((d as ReduceScope).current, first));
    return dynamic((d) => readSegments((d as ReduceScope).current, rest, null));
  }
  if (segments[0] === 'accumulator') {
    if (first === undefined) return dynamic((d) => nullish((d as ReduceScope).accumulator));
    if (second === undefined) return dynamic((d) => read1((d as ReduceScope).accumulator, first));
    return dynamic((d) => readSegments((d as ReduceScope).accumulator, rest, null));
  }
  return null;
}

const nullish = (v: unknown): unknown => (v === undefined ? null : v);

/** `readSegments(d, p, null)`, with the one- and two-key paths that most rules use unrolled. */
function readPath(d: unknown, p: readonly string[]): unknown {
  if (p.length === 1) return read1(d, p[0] as string);
  // read1 turns "absent" into null and reads nothing from null, so chaining it is readSegments.
  if (p.length === 2) return read1(read1(d, p[0] as string), p[1] as string);
  return readSegments(d, p, null);
}

/**
 * `readSegments(d, [key], null)` for the commonest path, a single key. Module-level so V8 inlines
 * it into the closures below. Only own properties: the value is read after `hasOwnProperty` says
 * it is there, so neither the prototype chain nor its getters are ever touched.
 */
function read1(d: unknown, key: string): unknown {
  if (d === null || d === undefined || !hasOwn.call(d, key)) return null;
  const v = (d as Record<string, unknown>)[key];
  return v === undefined ? null : v;
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
  const isMissing = (d: unknown, i: number): boolean => {
    const { whole, segments } = lookups[i] as (typeof lookups)[number];
    const value = whole ? d : segments === null ? null : readSegments(d, segments, null);
    return value === null || value === '';
  };
  const n = lookups.length;
  // In a condition only "is anything missing" matters: no array is built.
  const only = lookups[0];
  let test: Pred;
  if (n === 1 && only !== undefined && !only.whole && only.segments !== null) {
    const segments = only.segments;
    test = (d) => {
      const value = readPath(d, segments);
      return value === null || value === '';
    };
  } else {
    test = (d) => {
      for (let i = 0; i < n; i++) if (isMissing(d, i)) return true;
      return false;
    };
  }
  return dynamic(
    (d) => {
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) if (isMissing(d, i)) out.push((lookups[i] as (typeof lookups)[number]).key);
      return out;
    },
    'any',
    test,
  );
}

/** Strict membership in a list without NaN or objects: what `list.indexOf(v) !== -1` computes. */
function member(list: readonly unknown[], v: unknown): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === v) return true;
  return false;
}

function compileIn(needle: Node, haystack: Node, raw: unknown): Node | null {
  // A literal list of primitives never escapes `in`, so it need not be rebuilt per evaluation.
  if (Array.isArray(raw) && !raw.some((x) => (x !== null && typeof x === 'object') || x !== x)) {
    const list: readonly unknown[] = [...raw];
    const path = needle.path;
    if (list.length <= 8) {
      if (path !== undefined) return predicate((d) => member(list, readPath(d, path)));
      const ev = needle.ev;
      return predicate((d, c) => member(list, ev(d, c)));
    }
    // indexOf is strict equality; a Set agrees once NaN (absent, checked above) is out of the picture.
    const set = new Set(list);
    const ev = needle.ev;
    return predicate((d, c) => set.has(ev(d, c)));
  }
  // A literal needle searched in a field: a tag in a list, a substring of a string.
  const path = haystack.path;
  if (needle.constant && path !== undefined) {
    const k = needle.value;
    return predicate((d) => {
      const h = readPath(d, path) as Loose;
      // The body of `inside`, repeated so that this shape keeps its own type feedback.
      if (!h || typeof h.indexOf === 'undefined') return false;
      return h.indexOf(k) !== -1;
    });
  }
  return null;
}

function compileCat(nodes: readonly Node[]): Node {
  const n = nodes.length;
  if (n === 0) return constant('');
  const [x, y, z] = nodes.map((node) => node.ev) as [Ev, Ev, Ev];
  // Every argument is evaluated before any is converted to a string, as in json-logic-js.
  if (n === 1) return dynamic((d, c) => str(x(d, c)), 'string');
  if (n === 2)
    return dynamic((d, c) => {
      const a = x(d, c);
      const b = y(d, c);
      return str(a) + str(b);
    }, 'string');
  if (n === 3)
    return dynamic((d, c) => {
      const a = x(d, c);
      const b = y(d, c);
      const e = z(d, c);
      return str(a) + str(b) + str(e);
    }, 'string');
  const evs = nodes.map((node) => node.ev);
  return dynamic((d, c) => {
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) values[i] = (evs[i] as Ev)(d, c);
    let out = '';
    for (let i = 0; i < n; i++) out += str(values[i]);
    return out;
  }, 'string');
}

/** One argument of `cat`, as Array#join converts it. */
// eslint-disable-next-line @typescript-eslint/no-base-to-string -- "[object Object]" is what json-logic-js produces too
export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function compileBetween(strict: boolean, [x, y, z]: [Node, Node, Node]): Node {
  // Constant bounds around a field, the usual "between": one closure, one read.
  const path = y.path;
  if (x.constant && z.constant && z.value !== undefined && path !== undefined) {
    const lo = x.value as Loose;
    const hi = z.value as Loose;
    return predicate(
      strict
        ? (d) => {
            const v = readPath(d, path) as Loose;
            return lo < v && v < hi;
          }
        : (d) => {
            const v = readPath(d, path) as Loose;
            return lo <= v && v <= hi;
          },
    );
  }
  const [a, b, c] = [x.ev, y.ev, z.ev];
  return predicate(
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

/** One comparison with a literal `k`, as a field read (`p`) or as any node (`a`). */
interface ConstComparison {
  readonly field: (p: readonly string[], k: Loose) => Pred;
  readonly node: (a: Ev, k: Loose) => Pred;
}

// var-versus-literal, the commonest condition shape, fused into one closure per operator.
const CONST_COMPARISONS: Readonly<Record<string, ConstComparison>> = {
  '==': { field: (p, k) => (d) => readPath(d, p) == k, node: (a, k) => (d, c) => a(d, c) == k },
  '!=': { field: (p, k) => (d) => readPath(d, p) != k, node: (a, k) => (d, c) => a(d, c) != k },
  '===': { field: (p, k) => (d) => readPath(d, p) === k, node: (a, k) => (d, c) => a(d, c) === k },
  '!==': { field: (p, k) => (d) => readPath(d, p) !== k, node: (a, k) => (d, c) => a(d, c) !== k },
  '<': {
    field: (p, k) => (d) => (readPath(d, p) as Loose) < k,
    node: (a, k) => (d, c) => (a(d, c) as Loose) < k,
  },
  '<=': {
    field: (p, k) => (d) => (readPath(d, p) as Loose) <= k,
    node: (a, k) => (d, c) => (a(d, c) as Loose) <= k,
  },
  '>': {
    field: (p, k) => (d) => (readPath(d, p) as Loose) > k,
    node: (a, k) => (d, c) => (a(d, c) as Loose) > k,
  },
  '>=': {
    field: (p, k) => (d) => (readPath(d, p) as Loose) >= k,
    node: (a, k) => (d, c) => (a(d, c) as Loose) >= k,
  },
};

// `k < v` is `v > k` when k is a primitive: both convert v once and compare the same numbers or strings.
const MIRRORED: Readonly<Record<string, string>> = {
  '==': '==',
  '!=': '!=',
  '===': '===',
  '!==': '!==',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

function compileConstComparison(op: string, x: Node, k: unknown): Node | null {
  const factory = hasOwn.call(CONST_COMPARISONS, op) ? CONST_COMPARISONS[op] : undefined;
  if (factory === undefined || (k !== null && typeof k === 'object')) return null;
  return predicate(x.path === undefined ? factory.node(x.ev, k) : factory.field(x.path, k));
}

type BinaryFactory = (a: Ev, b: Ev) => Ev;

// Hand-written per operator so each is a monomorphic closure V8 can inline.
const BINARY: Readonly<Record<string, BinaryFactory>> = {
  '==': (a, b) => (d, c) => a(d, c) == b(d, c),
  '===': (a, b) => (d, c) => a(d, c) === b(d, c),
  '!=': (a, b) => (d, c) => a(d, c) != b(d, c),
  '!==': (a, b) => (d, c) => a(d, c) !== b(d, c),
  '<': (a, b) => (d, c) => (a(d, c) as Loose) < (b(d, c) as Loose),
  '<=': (a, b) => (d, c) => (a(d, c) as Loose) <= (b(d, c) as Loose),
  '>': (a, b) => (d, c) => (a(d, c) as Loose) > (b(d, c) as Loose),
  '>=': (a, b) => (d, c) => (a(d, c) as Loose) >= (b(d, c) as Loose),
  // Same expressions as the operators' `binary` fast paths in operators/standard.ts.
  '+': (a, b) => (d, c) => 0 + toFloat(a(d, c)) + toFloat(b(d, c)),
  '-': (a, b) => (d, c) => minus(a(d, c), b(d, c)),
  '*': (a, b) => (d, c) => toFloat(a(d, c)) * toFloat(b(d, c)),
  '/': (a, b) => (d, c) => (a(d, c) as Loose) / (b(d, c) as Loose),
  '%': (a, b) => (d, c) => (a(d, c) as Loose) % (b(d, c) as Loose),
};

/** Result kinds of the standard eager operators (any count of arguments unless noted). */
export function resultKind(op: string, n: number): Kind {
  switch (op) {
    case '==':
    case '===':
    case '!=':
    case '!==':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '!':
    case '!!':
    case 'in':
      return 'bool';
    case 'substr':
      return 'string';
    case '+':
    case '-':
    case '/':
    case '%':
    case 'max':
    case 'min':
      return 'scalar';
    case '*':
      // One argument is returned untouched.
      return n >= 2 ? 'scalar' : 'any';
    default:
      return 'any';
  }
}

function compileEager(op: string, spec: OperatorSpec, nodes: readonly Node[]): Node {
  const n = nodes.length;
  const kind = spec.standard ? resultKind(op, n) : 'any';
  const evaluate = spec.evaluate as NonNullable<OperatorSpec['evaluate']>;
  if (n === 2) {
    const [x, y] = nodes as [Node, Node];
    if (y.constant) {
      const fast = compileConstComparison(op, x, y.value);
      if (fast !== null) return fast;
    }
    if (x.constant && !y.constant && hasOwn.call(MIRRORED, op)) {
      const fast = compileConstComparison(MIRRORED[op] as string, y, x.value);
      if (fast !== null) return fast;
    }
    const factory = hasOwn.call(BINARY, op) ? BINARY[op] : undefined;
    if (factory !== undefined) return dynamic(factory(x.ev, y.ev), kind);
    const binary = spec.binary;
    if (binary !== undefined) {
      const a = x.ev;
      const b = y.ev;
      return dynamic((d, c) => binary(a(d, c), b(d, c), d, c), kind);
    }
  }
  if (n === 1 && spec.unary !== undefined) {
    const unary = spec.unary;
    const a = (nodes[0] as Node).ev;
    return dynamic((d, c) => unary(a(d, c), d, c), kind);
  }
  const evs = nodes.map((x) => x.ev);
  return dynamic((d, c) => {
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) values[i] = (evs[i] as Ev)(d, c);
    return evaluate(values, d, c, applyLogic);
  }, kind);
}

function compileUnknown(op: string, path: string, nodes: readonly Node[]): Node {
  const evs = nodes.map((x) => x.ev);
  // Like json-logic-js: arguments are evaluated first and the error is raised only if reached.
  return dynamic((d, c) => {
    for (const ev of evs) ev(d, c);
    throw new RuleError('RULE_UNKNOWN_OPERATOR', `Unrecognized operation ${op}`, path);
  });
}
