// A second evaluator back-end: one generated JavaScript function per rule, instead of compile.ts's
// tree of closures. Same semantics (json-logic-js 2.0.5, own-property reads only); the difference
// is speed: one function with monomorphic property loads and no closure calls between nodes.
//
// SECURITY. The rule never becomes code. The source text given to `new Function` is assembled
// only from
//   - the fixed template strings in this file, which hold no string literal, quote, backslash,
//     template literal or comment, and
//   - identifiers minted here: k<n>$ (constants), v<n>$ (temporaries), f<n>$ (local functions),
//     plus the single-letter helper names of PRELUDE and the parameters d (data) and c (context).
//     (The trailing $ keeps a digit from ever touching punctuation, so that text such as
//     `exit(1);` in a rule cannot even coincide with a piece of the source; `${` never occurs.)
// Every value that comes from the rule (literals, `var` paths and their segments, defaults, the
// keys of `missing`, names of unknown operators, error paths) is pushed onto the constants array
// and referenced as k<n>; the factory receives that array as an argument. Operator names select a
// template through a fixed switch or the registry; anything without a template is compiled by the
// closure compiler and called through the constants array too. Nothing from the rule is spliced
// into the text, not even escaped, so no rule content can change what the text means.
// generate.spec.ts checks this on hostile rules (no 3-character substring of any rule string in
// the source, identical source for rules that differ only in their strings, no side effects).
//
// Data is read exactly as the closure tree reads it: `x!=null&&O.call(x,k1)&&(v=x[k1])...`, that
// is an own-property check before every keyed load, so the prototype chain and its getters are
// never touched, and `__proto__`, `constructor` and `prototype` segments are resolved at
// generation time to "not found".

import { compileAt, resultKind, str } from './compile';
import type { Kind } from './compile';
import { pointer } from './errors';
import { RuleError } from './errors';
import { getOperator } from './operators/registry';
import type { ApplyLogic } from './operators/spec';
import { inside, minus, toFloat } from './operators/standard';
import { isLogic, isWholeDataPath, pathSegments, truthy } from './semantics';
import type { CompiledRule } from './types';

/**
 * Subtrees nested deeper than this are handed to the closure compiler whole. Keeps generated
 * source and the parser's recursion bounded; MAX_COMPILE_DEPTH still applies (compileAt checks it).
 */
const GENERATE_DEPTH = 64;

/** The data `reduce` passes to its logic: built by us, so both properties are own. */
interface ReduceScope {
  current: unknown;
  accumulator: unknown;
}

// json-logic-js re-evaluates some runtime values as logic (keys of `missing`, options of `missing_some`).
const applyLogic: ApplyLogic = (logic, data, ctx) => compileAt(logic, '', 0)(data, ctx);

/**
 * Everything generated code calls, captured once at module load (so later tampering with globals
 * such as Array.isArray cannot reach it). Generated code sees these as the locals of PRELUDE.
 */
const HELPERS = Object.freeze({
  T: truthy,
  O: Object.prototype.hasOwnProperty,
  A: Array.isArray,
  F: toFloat,
  M: minus,
  S: str,
  I: inside,
  P: (current: unknown, accumulator: unknown): ReduceScope => ({ current, accumulator }),
  C: (scope: ReduceScope): unknown => scope.current,
  U: (scope: ReduceScope): unknown => scope.accumulator,
  L: applyLogic,
  E: '',
  X: (op: unknown, path: unknown): never => {
    throw new RuleError('RULE_UNKNOWN_OPERATOR', `Unrecognized operation ${String(op)}`, String(path));
  },
});

const PRELUDE = `let ${Object.keys(HELPERS)
  .map((name) => `${name}=h.${name}`)
  .join(',')}`;

type Factory = (k: readonly unknown[], h: typeof HELPERS) => CompiledRule;

/** Where a node reads its data: the variable holding it, and whether it is a reduce scope object. */
interface Scope {
  readonly data: string;
  readonly reduce: boolean;
}

const TOP: Scope = { data: 'd', reduce: false };

/** One generated function: its temporaries are declared at its top. */
class Fn {
  private count = 0;

  temp(): string {
    return `v${this.count++}$`;
  }

  declarations(): string {
    if (this.count === 0) return '';
    return `let ${Array.from({ length: this.count }, (_, i) => `v${i}$`).join(',')}\n`;
  }
}

/**
 * A generated expression. Both renderings are lazy and only one of them ends up in the source,
 * so a node is evaluated once. `code` is always a primary expression (identifier, call, or
 * parenthesised), so parents can combine it without precedence worries.
 */
class Expr {
  private codeText: string | undefined;
  private condText: string | undefined;

  constructor(
    private readonly make: () => string,
    readonly kind: Kind,
    /** No side effects and no throws on JSON data: constants and own-property reads. */
    readonly pure: boolean,
    private readonly makeCond?: () => string,
    readonly constant?: { readonly value: unknown },
  ) {}

  /** The value. */
  get code(): string {
    return (this.codeText ??= this.make());
  }

  /** An expression whose JavaScript truthiness is the JSON Logic truthiness of the value. */
  get cond(): string {
    return (this.condText ??=
      this.makeCond !== undefined ? this.makeCond() : this.kind === 'any' ? `T(${this.code})` : this.code);
  }
}

function kindOf(value: unknown): Kind {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'any' : 'scalar';
}

function join(nodes: readonly Expr[]): Kind {
  const first = (nodes[0] as Expr).kind;
  if (nodes.every((x) => x.kind === first)) return first;
  return nodes.some((x) => x.kind === 'any') ? 'any' : 'scalar';
}

function isKeyList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && value.every((key) => key === null || typeof key !== 'object');
}

const isPrimitive = (x: unknown): boolean => x === null || typeof x !== 'object';

/** A minted identifier: `d`, or a temporary `v<n>`. */
const isIdentifier = (code: string): boolean => /^(d|v\d+\$)$/.test(code);

/** `return x`, without a space before punctuation (fewer accidental matches with rule text). */
const ret = (code: string): string => (/^[\w$]/.test(code) ? `return ${code}` : `return${code}`);

class Generator {
  readonly constants: unknown[] = [];
  private readonly functions: string[] = [];

  /** References a value from the rule: it goes into the constants array, never into the text. */
  k(value: unknown): string {
    this.constants.push(value);
    return `k${this.constants.length - 1}$`;
  }

  /** Adds a local function `(d,c)=>{...}` and returns its minted name. */
  hoist(fn: Fn, body: () => string): string {
    const index = this.functions.length;
    this.functions.push(''); // reserves the name before nested functions take theirs
    const text = body();
    this.functions[index] = `let f${index}$=(d,c)=>{${fn.declarations()}${text}\n}`;
    return `f${index}$`;
  }

  /**
   * The factory body. The functions live in a class static block because class code is always
   * strict: an undeclared name would throw instead of becoming a global.
   */
  source(root: Expr, fn: Fn): string {
    const result = root.code; // first: rendering mints the temporaries declared below
    const main = `r=(d,c)=>{${fn.declarations()}${ret(result)}\n}`;
    const lines: string[] = [];
    if (this.constants.length > 0)
      lines.push(`let ${this.constants.map((_, i) => `k${i}$=k[${i}]`).join(',')}`);
    lines.push(PRELUDE, 'let r', 'class G{static{', ...this.functions, main, '}}', 'return r');
    return lines.join('\n');
  }

  constant(value: unknown): Expr {
    return new Expr(
      () => this.k(value),
      kindOf(value),
      true,
      () => this.k(truthy(value)),
      { value },
    );
  }

  node(fn: Fn, logic: unknown, path: string, depth: number, sc: Scope): Expr {
    if (depth >= GENERATE_DEPTH) return this.fallback(logic, path, depth, sc);
    if (Array.isArray(logic)) {
      const items = logic.map((item, i) => this.node(fn, item, pointer(path, i), depth + 1, sc));
      // A fresh array per evaluation, like json-logic-js.
      return new Expr(
        () => `[${items.map((x) => x.code).join(',')}]`,
        'any',
        items.every((x) => x.pure),
      );
    }
    if (!isLogic(logic)) return this.constant(logic);

    const op = Object.keys(logic)[0] as string;
    const raw = logic[op];
    const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    const opPath = pointer(path, op);
    const argPath = (i: number): string => (Array.isArray(raw) ? pointer(opPath, i) : opPath);
    const arg = (i: number, s: Scope = sc, f: Fn = fn): Expr =>
      this.node(f, args[i], argPath(i), depth + 1, s);
    const all = (): Expr[] => args.map((_, i) => arg(i));
    const n = args.length;

    switch (op) {
      case 'if':
      case '?:':
        return this.ifThen(all());
      case 'and':
      case 'or':
        return this.andOr(fn, all(), op === 'and');
      case 'map':
      case 'filter':
      case 'all':
      case 'none':
      case 'some':
      case 'reduce':
        return this.scoped(op, args, argPath, depth, sc);
      case 'var':
        if (n <= 2 && isPrimitive(args[0])) return this.variable(fn, args[0], n === 2 ? arg(1) : null, sc);
        break;
      case 'missing':
        if (isKeyList(args)) return this.missing(fn, args, sc);
        if (n === 1 && isKeyList(args[0])) return this.missing(fn, args[0], sc);
        break;
      case '!':
      case '!!':
        if (n === 1) return this.not(arg(0), op === '!');
        break;
      case '==':
      case '===':
      case '!=':
      case '!==':
      case '>':
      case '>=':
        if (n === 2) return this.compare(op, arg(0), arg(1));
        break;
      case '<':
      case '<=':
        if (n === 2) return this.compare(op, arg(0), arg(1));
        if (n === 3) return this.between(fn, op, all() as [Expr, Expr, Expr]);
        break;
      case '+':
        if (n >= 1) return this.plus(fn, all());
        break;
      case '*':
        if (n === 1) return arg(0);
        if (n >= 2) return this.times(fn, all());
        break;
      case '-':
        if (n === 1) {
          const a = arg(0);
          return new Expr(() => `(-${a.code})`, 'scalar', a.pure);
        }
        if (n === 2) {
          const [a, b] = all() as [Expr, Expr];
          return new Expr(() => `M(${a.code},${b.code})`, 'scalar', a.pure && b.pure);
        }
        break;
      case '/':
      case '%':
        if (n === 2) {
          const [a, b] = all() as [Expr, Expr];
          return new Expr(() => `(${a.code}${op}${b.code})`, 'scalar', a.pure && b.pure);
        }
        break;
      case 'in':
        if (n === 2) return this.in(fn, arg(0), arg(1), args[1]);
        break;
      case 'cat':
        return this.cat(fn, all());
    }
    return this.eager(op, path, all(), sc);
  }

  /** The closure compiler for a subtree, called through the constants array. */
  private fallback(logic: unknown, path: string, depth: number, sc: Scope): Expr {
    const compiled = compileAt(logic, path, depth);
    return new Expr(() => `${this.k(compiled)}(${sc.data},c)`, 'any', false);
  }

  private ifThen(nodes: readonly Expr[]): Expr {
    const n = nodes.length;
    if (n === 0) return this.constant(null);
    if (n === 1) return nodes[0] as Expr;
    const hasElse = n % 2 === 1;
    const branches = nodes.filter((_, i) => i % 2 === 1 || (hasElse && i === n - 1));
    const render = (leaf: (x: Expr) => string, otherwise: string): string => {
      let out = hasElse ? leaf(nodes[n - 1] as Expr) : otherwise;
      for (let i = hasElse ? n - 3 : n - 2; i >= 0; i -= 2)
        out = `(${(nodes[i] as Expr).cond}?${leaf(nodes[i + 1] as Expr)}:${out})`;
      return out;
    };
    return new Expr(
      () => render((x) => x.code, 'null'),
      hasElse ? join(branches) : 'any',
      nodes.every((x) => x.pure),
      () => render((x) => x.cond, '!1'),
    );
  }

  private andOr(fn: Fn, nodes: readonly Expr[], isAnd: boolean): Expr {
    const n = nodes.length;
    // With no arguments json-logic-js returns its uninitialised accumulator.
    if (n === 0) return this.constant(undefined);
    if (n === 1) return nodes[0] as Expr;
    const joiner = isAnd ? '&&' : '||';
    const make = (): string => {
      // JavaScript's && and || agree with JSON Logic's and/or unless a tested operand is an array.
      if (nodes.slice(0, -1).every((x) => x.kind !== 'any'))
        return `(${nodes.map((x) => x.code).join(joiner)})`;
      const t = fn.temp();
      let out = (nodes[n - 1] as Expr).code;
      for (let i = n - 2; i >= 0; i--) {
        const x = nodes[i] as Expr;
        const test = x.kind === 'any' ? `T(${t})` : t;
        out = isAnd ? `(${t}=${x.code},${test}?${out}:${t})` : `(${t}=${x.code},${test}?${t}:${out})`;
      }
      return out;
    };
    return new Expr(
      make,
      join(nodes),
      nodes.every((x) => x.pure),
      () => `(${nodes.map((x) => x.cond).join(joiner)})`,
    );
  }

  private not(x: Expr, negate: boolean): Expr {
    const c = x.constant;
    if (c !== undefined) return this.constant(negate !== truthy(c.value));
    return new Expr(
      () => (negate ? `(!${x.cond})` : `(!!${x.cond})`),
      'bool',
      x.pure,
      () => (negate ? `(!${x.cond})` : x.cond),
    );
  }

  private compare(op: string, a: Expr, b: Expr): Expr {
    // Loose equality between two strings is strict equality.
    const strings = a.kind === 'string' && b.kind === 'string';
    const js = strings && op === '==' ? '===' : strings && op === '!=' ? '!==' : op;
    return new Expr(() => `(${a.code}${js}${b.code})`, 'bool', a.pure && b.pure);
  }

  private between(fn: Fn, op: '<' | '<=', [x, y, z]: [Expr, Expr, Expr]): Expr {
    const pure = x.pure && y.pure && z.pure;
    // Constant bounds around a value, the usual "between": one evaluation of the middle.
    if (x.constant !== undefined && z.constant !== undefined && z.constant.value !== undefined) {
      return new Expr(
        () => {
          const t = fn.temp();
          return `(${t}=${y.code},${x.code}${op}${t}&&${t}${op}${z.code})`;
        },
        'bool',
        pure,
      );
    }
    return new Expr(
      () => {
        const [a, b, c] = [fn.temp(), fn.temp(), fn.temp()];
        return `(${a}=${x.code},${b}=${y.code},${c}=${z.code},${c}===void 0?${a}${op}${b}:${a}${op}${b}&&${b}${op}${c})`;
      },
      'bool',
      pure,
    );
  }

  /**
   * Operands for operators that convert each argument in a helper call (`+`, `*`, `cat`):
   * json-logic-js evaluates every argument before converting any, so an impure argument that is
   * followed by another impure one is evaluated into a temporary first.
   */
  private operands(fn: Fn, nodes: readonly Expr[]): { prefix: string; refs: string[] } {
    let last = -1;
    nodes.forEach((x, i) => {
      if (!x.pure) last = i;
    });
    let prefix = '';
    const refs = nodes.map((x, i) => {
      if (i >= last || x.constant !== undefined) return x.code;
      const t = fn.temp();
      prefix += `${t}=${x.code},`;
      return t;
    });
    return { prefix, refs };
  }

  private plus(fn: Fn, nodes: readonly Expr[]): Expr {
    return new Expr(
      () => {
        const { prefix, refs } = this.operands(fn, nodes);
        return `(${prefix}0+${refs.map((r) => `F(${r})`).join('+')})`;
      },
      'scalar',
      nodes.every((x) => x.pure),
    );
  }

  private times(fn: Fn, nodes: readonly Expr[]): Expr {
    return new Expr(
      () => {
        const { prefix, refs } = this.operands(fn, nodes);
        // Like json-logic-js's reduce: each step converts the running product again.
        let out = `(F(${refs[0] as string})*F(${refs[1] as string}))`;
        for (let i = 2; i < refs.length; i++) out = `(F(${out})*F(${refs[i] as string}))`;
        return prefix === '' ? out : `(${prefix}${out})`;
      },
      'scalar',
      nodes.every((x) => x.pure),
    );
  }

  private cat(fn: Fn, nodes: readonly Expr[]): Expr {
    if (nodes.length === 0) return this.constant('');
    return new Expr(
      () => {
        const { prefix, refs } = this.operands(fn, nodes);
        const parts = nodes.map((x, i) => {
          const ref = refs[i] as string;
          if (x.kind === 'string') return ref;
          // A constant is converted now; the string goes to the constants array.
          if (x.constant !== undefined) return this.k(str(x.constant.value));
          return `S(${ref})`;
        });
        return `(${prefix}${parts.join('+')})`;
      },
      'string',
      nodes.every((x) => x.pure),
    );
  }

  private in(fn: Fn, needle: Expr, haystack: Expr, raw: unknown): Expr {
    const pure = needle.pure && haystack.pure;
    // A literal list of primitives: `indexOf` is strict equality, as is a chain of ===.
    if (Array.isArray(raw) && raw.every(isPrimitive)) {
      const list: readonly unknown[] = [...raw];
      if (list.length > 8 && !list.some((x) => x !== x)) {
        // Set#has agrees with indexOf once NaN (found by one, not the other) is excluded.
        const set = new Set(list);
        return new Expr(() => `${this.k(set)}.has(${needle.code})`, 'bool', pure);
      }
      return new Expr(
        () => {
          if (list.length === 0) return `(${needle.code},!1)`;
          const t = fn.temp();
          return `(${t}=${needle.code},${list.map((x) => `${t}===${this.k(x)}`).join('||')})`;
        },
        'bool',
        pure,
      );
    }
    return new Expr(() => `I(${needle.code},${haystack.code})`, 'bool', pure);
  }

  /**
   * Own-property read of `segments` from `base`: an own-property check before each keyed load,
   * `notFound` when a step is null, undefined or absent. Keys are constants.
   */
  private read(fn: Fn, base: string, segments: readonly string[], notFound: string): string {
    const t = fn.temp();
    const parts: string[] = [];
    let from = base;
    if (isIdentifier(base)) parts.push(`${base}!=null`);
    else {
      parts.push(`(${t}=${base})!=null`);
      from = t;
    }
    segments.forEach((segment, i) => {
      const key = this.k(segment);
      const last = i === segments.length - 1;
      parts.push(`O.call(${from},${key})`, `(${t}=${from}[${key}])${last ? '!==void 0' : '!=null'}`);
      from = t;
    });
    return `(${parts.join('&&')}?${t}:${notFound})`;
  }

  private variable(fn: Fn, path: unknown, fallback: Expr | null, sc: Scope): Expr {
    if (isWholeDataPath(path)) {
      if (fallback === null) return new Expr(() => sc.data, 'any', true);
      return new Expr(() => `(${fallback.code},${sc.data})`, 'any', fallback.pure);
    }
    const segments = pathSegments(path);
    if (fallback !== null) {
      return new Expr(
        () => {
          const t = fn.temp();
          const notFound = `${t}=(${t}=${fallback.code})===void 0?null:${t}`;
          if (segments === null) return `(${notFound})`;
          return `(${notFound},${this.read(fn, sc.data, segments, t)})`;
        },
        'any',
        fallback.pure,
      );
    }
    if (segments === null) return this.constant(null);
    const head = segments[0];
    if (sc.reduce && (head === 'current' || head === 'accumulator')) {
      // Own by construction: read straight from the scope object reduce built.
      const base = `${head === 'current' ? 'C' : 'U'}(${sc.data})`;
      const rest = segments.slice(1);
      return new Expr(
        () => {
          if (rest.length > 0) return this.read(fn, base, rest, 'null');
          const t = fn.temp();
          return `((${t}=${base})===void 0?null:${t})`;
        },
        'any',
        true,
      );
    }
    return new Expr(() => this.read(fn, sc.data, segments, 'null'), 'any', true);
  }

  private missing(fn: Fn, keys: readonly unknown[], sc: Scope): Expr {
    const lookup = (f: Fn, key: unknown, data: string): string => {
      if (isWholeDataPath(key)) return data;
      const segments = pathSegments(key);
      return segments === null ? 'null' : this.read(f, data, segments, 'null');
    };
    if (keys.length === 0)
      return new Expr(
        () => '[]',
        'any',
        true,
        () => '!1',
      );
    return new Expr(
      () => {
        const inner = new Fn();
        const name = this.hoist(inner, () => {
          const out = inner.temp();
          const t = inner.temp();
          const lines = keys.map(
            (key) => `if((${t}=${lookup(inner, key, 'd')})===null||${t}===E)${out}.push(${this.k(key)})`,
          );
          return `${out}=[]\n${lines.join('\n')}\n${ret(out)}`;
        });
        return `${name}(${sc.data},c)`;
      },
      'any',
      true,
      // In a condition only "is anything missing" matters: no array is built.
      () => {
        const t = fn.temp();
        return `(${keys.map((key) => `(${t}=${lookup(fn, key, sc.data)})===null||${t}===E`).join('||')})`;
      },
    );
  }

  /** map, filter, all, none, some and reduce: a local function with the loop. */
  private scoped(
    op: 'map' | 'filter' | 'all' | 'none' | 'some' | 'reduce',
    args: readonly unknown[],
    argPath: (i: number) => string,
    depth: number,
    sc: Scope,
  ): Expr {
    const inner = new Fn();
    // The source (and reduce's initial value) are evaluated in the caller's scope, passed in as d.
    const outer: Scope = { data: 'd', reduce: sc.reduce };
    const source = this.node(inner, args[0], argPath(0), depth + 1, outer);
    const items = inner.temp();
    const index = inner.temp();
    const item = inner.temp();
    const result = inner.temp();
    // The logic runs with each element as data (reduce: with its {current, accumulator} object).
    const body = this.node(inner, args[1], argPath(1), depth + 1, { data: item, reduce: op === 'reduce' });
    const initial =
      op === 'reduce' && args[2] !== undefined
        ? this.node(inner, args[2], argPath(2), depth + 1, outer)
        : null;
    const loop = (statement: () => string): string =>
      `for(${index}=0;${index}<${items}.length;${index}++){${item}=${items}[${index}]\n${statement()}}`;
    const text = (): string => {
      const start = `${items}=${source.code}\n`;
      switch (op) {
        case 'map':
          return `${start}if(!A(${items}))return[]\n${result}=[]\n${loop(() => `${result}.push(${body.code})`)}\n${ret(result)}`;
        case 'filter':
          return `${start}if(!A(${items}))return[]\n${result}=[]\n${loop(() => `if(${body.cond})${result}.push(${item})`)}\n${ret(result)}`;
        case 'all':
          return `${start}if(!A(${items})||${items}.length===0)return!1\n${loop(() => `if(!${body.cond})return!1`)}\nreturn!0`;
        case 'none':
          return `${start}if(!A(${items})||${items}.length===0)return!0\n${loop(() => `if(${body.cond})return!1`)}\nreturn!0`;
        case 'some':
          return `${start}if(!A(${items})||${items}.length===0)return!1\n${loop(() => `if(${body.cond})return!0`)}\nreturn!1`;
        case 'reduce':
          // json-logic-js tests the raw third argument, not its value, for undefined.
          return (
            `${start}${result}=${initial === null ? 'null' : initial.code}\nif(!A(${items}))${ret(result)}\n` +
            `for(${index}=0;${index}<${items}.length;${index}++){${item}=P(${items}[${index}],${result})\n${result}=${body.code}}\n${ret(result)}`
          );
      }
    };
    const kind: Kind = op === 'all' || op === 'none' || op === 'some' ? 'bool' : 'any';
    return new Expr(() => `${this.hoist(inner, text)}(${sc.data},c)`, kind, false);
  }

  /** Registry operators without a template: their own unary, binary or evaluate functions. */
  private eager(op: string, path: string, nodes: readonly Expr[], sc: Scope): Expr {
    const spec = getOperator(op);
    const n = nodes.length;
    const codes = (): string => nodes.map((x) => x.code).join(',');
    if (spec?.evaluate === undefined) {
      // Like json-logic-js: arguments are evaluated first and the error is raised only if reached.
      return new Expr(() => `(${n > 0 ? `${codes()},` : ''}X(${this.k(op)},${this.k(path)}))`, 'any', false);
    }
    const kind = spec.standard ? resultKind(op, n) : 'any';
    const { unary, binary, evaluate } = spec;
    if (n === 2 && binary !== undefined)
      return new Expr(() => `${this.k(binary)}(${codes()},${sc.data},c)`, kind, false);
    if (n === 1 && unary !== undefined)
      return new Expr(() => `${this.k(unary)}(${codes()},${sc.data},c)`, kind, false);
    return new Expr(() => `${this.k(evaluate)}([${codes()}],${sc.data},c,L)`, kind, false);
  }
}

/**
 * The generated source of a rule and the constants it reads, without evaluating anything. For
 * tests, the benchmark and inspection; {@link generateRule} is the API.
 */
export function generateRuleSource(rule: unknown): { source: string; constants: readonly unknown[] } {
  const generator = new Generator();
  const fn = new Fn();
  const root = generator.node(fn, rule, '', 0, TOP);
  const source = generator.source(root, fn);
  return { source, constants: Object.freeze([...generator.constants]) };
}

/**
 * Generates one JavaScript function for a rule: same contract and results as {@link compileRule}
 * (json-logic-js 2.0.5 semantics, own-property reads only), usually faster to evaluate, slower to
 * build (it parses and compiles a function per rule).
 *
 * Security: no part of the rule is ever evaluated as code. The function's source text is made only
 * of fixed templates and minted identifiers; every value from the rule (literals, paths, defaults,
 * operator names) reaches the function through a constants array passed to the factory, never
 * through the text. Operators without a template, and subtrees nested deeper than 64 levels, run on
 * the closure tree of {@link compileRule}.
 *
 * @throws RuleError RULE_TOO_DEEP for rules nested deeper than MAX_COMPILE_DEPTH.
 */
export function generateRule(rule: unknown): CompiledRule {
  const { source, constants } = generateRuleSource(rule);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the text holds only fixed templates and minted identifiers; rule values arrive as the `k` argument (see the header of this file)
  const factory = new Function('k', 'h', source) as Factory;
  return factory(constants, HELPERS);
}
