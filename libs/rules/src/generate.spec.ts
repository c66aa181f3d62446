import { compileRule, generateRule, OPERATORS } from './index';
import { generateRuleSource } from './generate';
import { FORBIDDEN_KEYS, isLogic } from './semantics';
import { Random, randomRecord, randomRule } from '../test/random-rules';
import { outcome, sameOutcome } from '../test/same';

// The security property of the generated back-end: rule content never becomes source text.
// Semantics are covered by the conformance, differential, fast-path, corner-case and security
// specs, which run over both back-ends (test/back-ends.ts).

/** Injection payloads and awkward characters, used as literals, path segments, keys and operator names. */
const HOSTILE = [
  '"); process.exit(1); //',
  "'); process.exit(1); ('",
  '`); process.exit(1); (`',
  '*/ process.exit(1) /*',
  '${process.exit(1)}',
  '\\"); globalThis.pwned = true; //',
  '\\\\\\',
  '\u2028globalThis.pwned = 1\u2029',
  'line\nbreak\r\nglobalThis.pwned = 1',
  '</script><script>alert(1)</script>',
  '\\uFEFF); process.exit(1); //',
  '}}); process.exit(1); (({{',
  ']); process.exit(1); ([',
  '"+process.exit(1)+"',
  'a.b\'c."d"',
  '\u0000zero',
  '\ud800lone',
  '😀 emoji',
  'true',
  'false',
  '=>',
  '__proto__',
  'constructor',
  'prototype',
  '__proto__.polluted',
] as const;

/**
 * Words of the generator's own templates (keywords, helper methods). A rule string may of course
 * contain them; the 3-gram check below cannot tell such a coincidence from a leak, so the hostile
 * strings avoid them, and the invariance check further down covers arbitrary strings.
 */
const TEMPLATE_WORDS = [
  'let',
  'return',
  'for',
  'if(',
  'class G',
  'static',
  'void',
  'null',
  'length',
  'push',
  'call',
  'has(',
  '$=k',
  '$)',
  '$,',
  '$.',
];

// No three digits in a row: the source has k12, v345... and such a number would match by accident.
const NUMBERS = [-7.5, -3.25, 1e21, -1e-7, 6.02e23];

function hostileString(r: Random): string {
  const base = r.pick(HOSTILE);
  return r.chance(0.4) ? `${base}${r.pick(['Qz', '#', '"\'`', '\\'])}${r.pick(HOSTILE)}` : base;
}

function hostilePath(r: Random): string {
  return Array.from({ length: 1 + r.int(3) }, () =>
    r.chance(0.2) ? r.pick(['a', 'b']) : hostileString(r),
  ).join('.');
}

function hostileLiteral(r: Random): unknown {
  switch (r.int(6)) {
    case 0:
      return r.pick(NUMBERS);
    case 1:
      return [hostileString(r), r.pick(NUMBERS), hostileString(r)];
    case 2:
      return { [hostileString(r)]: hostileString(r), [`${hostileString(r)}2`]: r.pick(NUMBERS) };
    default:
      return hostileString(r);
  }
}

const BINARY = ['==', '===', '!=', '!==', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'in', 'cat', 'max'];
const EXTRA = ['merge', 'substr', 'startsWith', 'endsWith', 'in_list', 'before', 'days_between', 'log'];

/** Random rules over the templated operators (and some fallbacks), every string hostile. */
function hostileRule(r: Random, depth: number): unknown {
  if (depth <= 0 || r.chance(0.2)) {
    if (r.chance(0.4)) return hostileLiteral(r);
    return r.chance(0.7) ? { var: hostilePath(r) } : { var: [hostilePath(r), hostileLiteral(r)] };
  }
  const sub = (): unknown => hostileRule(r, depth - 1);
  switch (r.int(16)) {
    case 0:
    case 1:
      return { [r.pick(BINARY)]: [sub(), sub()] };
    case 2:
      return { [r.pick(['<', '<='])]: [hostileLiteral(r), sub(), hostileLiteral(r)] };
    case 3:
      return { [r.pick(['and', 'or'])]: Array.from({ length: 1 + r.int(4) }, sub) };
    case 4:
      return { if: Array.from({ length: 1 + r.int(5) }, sub) };
    case 5:
      return { [r.pick(['!', '!!'])]: sub() };
    case 6:
      return { missing: Array.from({ length: 1 + r.int(3) }, () => hostilePath(r)) };
    case 7:
      return { missing_some: [1 + r.int(2), Array.from({ length: 1 + r.int(3) }, () => hostilePath(r))] };
    case 8:
      return { in: [sub(), Array.from({ length: r.pick([1, 3, 12]) }, () => hostileString(r))] };
    case 9:
      return { cat: Array.from({ length: 1 + r.int(4) }, sub) };
    case 10:
      return { [r.pick(['map', 'filter', 'all', 'none', 'some'])]: [{ var: hostilePath(r) }, sub()] };
    case 11:
      return {
        reduce: [
          { var: hostilePath(r) },
          { '+': [{ var: `current.${hostileString(r)}` }, { var: 'accumulator' }] },
          hostileLiteral(r),
        ],
      };
    case 12:
      return { [r.pick(EXTRA)]: [sub(), sub()] };
    case 13:
      // Unknown operator: its name reaches the error message, never the source.
      return { [hostileString(r)]: [sub()] };
    case 14:
      return { var: [{ cat: [hostileString(r), '.', hostileString(r)] }, hostileLiteral(r)] };
    default:
      return { '*': [sub(), sub(), sub()] };
  }
}

/** A record whose keys are the segments hostile paths use, so that reads find something. */
function hostileRecord(r: Random, depth = 2): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < 6; i++) {
    const key = r.pick(hostilePath(r).split('.'));
    if (FORBIDDEN_KEYS.has(key)) continue;
    const value =
      depth > 0 && r.chance(0.4)
        ? r.chance(0.5)
          ? hostileRecord(r, depth - 1)
          : [hostileRecord(r, depth - 1), hostileString(r)]
        : r.chance(0.5)
          ? hostileString(r)
          : r.pick(NUMBERS);
    // defineProperty: plain assignment would hit the prototype getters installed below.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Every string (and distinctive number) a rule supplies, except the names of known operators. */
function userStrings(rule: unknown, out: string[] = []): string[] {
  if (typeof rule === 'string') out.push(rule);
  else if (typeof rule === 'number') out.push(String(rule));
  else if (Array.isArray(rule)) for (const x of rule) userStrings(x, out);
  else if (rule !== null && typeof rule === 'object') {
    const keys = Object.keys(rule);
    for (const key of keys) {
      if (!(isLogic(rule) && OPERATORS.has(key))) out.push(key);
      userStrings((rule as Record<string, unknown>)[key], out);
    }
  }
  return out;
}

/** The substrings of length 3 of `s` that occur in `source` (every longer substring contains one). */
function leaks(source: string, s: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) {
    const gram = s.slice(i, i + 3);
    if (source.includes(gram)) found.push(gram);
  }
  return found;
}

describe('generateRule: rule content never becomes source text', () => {
  it('the hostile strings avoid the template vocabulary (see TEMPLATE_WORDS)', () => {
    for (const s of HOSTILE) for (const word of TEMPLATE_WORDS) expect(leaks(word, s)).toEqual([]);
  });

  it('no 3-character substring of any rule string appears in the source of 5,000 hostile rules', () => {
    const random = new Random(0xbad5eed);
    const problems: string[] = [];
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      const rule = hostileRule(random, 1 + random.int(4));
      const { source } = generateRuleSource(rule);
      // No string or template literal, escape or comment: no lexical context rule text could use.
      if (/["'`\\]|\$\{|\/\/|\/\*/.test(source) && problems.length < 5)
        problems.push(`quote or comment in:\n${source}`);
      for (const s of userStrings(rule)) {
        checked++;
        const found = leaks(source, s);
        if (found.length > 0 && problems.length < 5)
          problems.push(`${JSON.stringify(s)} leaks ${JSON.stringify(found)} into:\n${source}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20_000);
  });

  it('the literal payloads of the brief are all represented and absent from the source', () => {
    const rule = {
      and: [
        { '==': [{ var: '"); process.exit(1); //' }, '"); process.exit(1); //'] },
        { var: ['*/.${.\u2028.\n', '`${process.exit(1)}`'] },
        { missing: ['\\', '"); process.exit(1); //.x'] },
        { '"); process.exit(1); //': [] },
      ],
    };
    const { source, constants } = generateRuleSource(rule);
    expect(leaks(source, '"); process.exit(1); //')).toEqual([]);
    for (const s of ['*/', '${', '\u2028', '\\', '"', "'", '`']) expect(source.includes(s)).toBe(false);
    expect(constants).toContain('"); process.exit(1); //');
    expect(constants).toContain('\u2028');
  });

  it('gives byte-identical source for rules that differ only in their strings', () => {
    // The source depends on the rule's shape only. Strings are replaced segment by segment
    // (dots kept), except the few whose value the semantics single out: "" (whole data),
    // forbidden segments, and reduce's "current" and "accumulator". Unknown operator names are
    // replaced by other unknown names.
    const random = new Random(4242);
    const reserved = new Set(['', 'current', 'accumulator', ...FORBIDDEN_KEYS]);
    const alphabet = 'ab"\'`\\$ {}()[];/*\n\u2028xyz0123456789=+-!?<>,';
    const fresh = (): string => {
      let s = '';
      do {
        s = Array.from({ length: 1 + random.int(10) }, () => alphabet[random.int(alphabet.length)]).join('');
      } while (reserved.has(s));
      return s;
    };
    const disguise = (value: unknown): unknown => {
      if (typeof value === 'string')
        return value
          .split('.')
          .map((segment) => (reserved.has(segment) ? segment : fresh()))
          .join('.');
      if (Array.isArray(value)) return value.map(disguise);
      if (value === null || typeof value !== 'object') return value;
      const entries = Object.entries(value);
      if (isLogic(value)) {
        const [op, args] = entries[0] as [string, unknown];
        return { [OPERATORS.has(op) ? op : `?${fresh()}`]: disguise(args) };
      }
      return Object.fromEntries(entries.map(([, v], i) => [`${fresh()}#${i}`, disguise(v)]));
    };
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const rule =
        i % 2 === 0 ? randomRule(random, 1 + random.int(5)) : hostileRule(random, 1 + random.int(4));
      const first = outcome(() => generateRuleSource(rule).source);
      const second = outcome(() => generateRuleSource(disguise(rule)).source);
      expect(sameOutcome(first, second)).toBe(true);
      compared++;
    }
    expect(compared).toBe(3000);
  });
});

describe('generateRule: evaluating hostile rules', () => {
  const globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
  let exit: jest.SpyInstance;
  // Prototype getters for names that hostile paths use: an own-property read never reaches them.
  const PROTO_NAMES = ['polluted', ...HOSTILE.filter((s) => !s.includes('.') && !FORBIDDEN_KEYS.has(s))];
  let protoReads = 0;

  beforeAll(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('process.exit called');
    });
    for (const name of PROTO_NAMES)
      for (const proto of [Object.prototype, Array.prototype, String.prototype])
        Object.defineProperty(proto, name, {
          configurable: true,
          get() {
            protoReads++;
            return 'from the prototype';
          },
        });
  });

  afterAll(() => {
    for (const name of PROTO_NAMES)
      for (const proto of [Object.prototype, Array.prototype, String.prototype])
        delete (proto as Record<string, unknown>)[name];
    exit.mockRestore();
  });

  it('agrees with the closure tree, never calls out, never reads the prototype chain (2,000 rules x 3 records)', () => {
    // The trap is live: a prototype-walking read (json-logic-js's data[key]) would trigger it.
    expect(({} as Record<string, unknown>)['polluted']).toBe('from the prototype');
    protoReads = 0;
    const random = new Random(1337);
    const ctx = { now: '2024-03-15T10:30:00Z', log: (): void => undefined };
    const differences: string[] = [];
    let compared = 0;
    for (let i = 0; i < 2000; i++) {
      const rule = hostileRule(random, 1 + random.int(4));
      const generated = outcome(() => generateRule(rule));
      const closure = outcome(() => compileRule(rule));
      expect(generated.threw).toBe(closure.threw);
      if (generated.threw || closure.threw) continue;
      for (let j = 0; j < 3; j++) {
        const data = Object.freeze(j === 2 ? randomRecord(random) : hostileRecord(random));
        const ours = outcome(() => (generated.value as (d: unknown, c: unknown) => unknown)(data, ctx));
        const theirs = outcome(() => (closure.value as (d: unknown, c: unknown) => unknown)(data, ctx));
        compared++;
        if (!sameOutcome(ours, theirs) && differences.length < 5)
          differences.push(`${JSON.stringify(rule)} on ${JSON.stringify(data)}`);
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
    expect(exit).not.toHaveBeenCalled();
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined();
    expect(Object.getOwnPropertyNames(globalThis).filter((name) => !globalsBefore.has(name))).toEqual([]);
    // `in` and `cat` legitimately call indexOf/toString on values; var never touches the getters.
    expect(protoReads).toBe(0);
  });

  it('reads data only through own properties (proxy-observed)', () => {
    const random = new Random(99);
    const violations: string[] = [];
    const watch = (value: unknown): unknown => {
      if (value === null || typeof value !== 'object') return value;
      return new Proxy(value, {
        get(target, key, receiver) {
          if (
            typeof key === 'string' &&
            (FORBIDDEN_KEYS.has(key) || !Object.prototype.hasOwnProperty.call(target, key))
          )
            // Methods that operators call on values (in, cat, comparisons, in_list), not var reads.
            if (!['indexOf', 'toString', 'valueOf', 'join', 'some'].includes(key)) violations.push(key);
          return watch(Reflect.get(target, key, receiver) as unknown);
        },
      });
    };
    for (let i = 0; i < 1000; i++) {
      const rule = hostileRule(random, 1 + random.int(3));
      const run = outcome(() => generateRule(rule));
      if (run.threw) continue;
      outcome(() => (run.value as (d: unknown) => unknown)(watch(hostileRecord(random))));
    }
    expect(violations).toEqual([]);
  });
});
