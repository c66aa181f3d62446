import { compileRule } from './compile';
import type { CompiledRule, EvaluationContext } from './types';

/** How many distinct rule texts {@link evaluateRule} keeps compiled. */
export const RULE_CACHE_SIZE = 1000;

const byIdentity = new WeakMap<object, CompiledRule>();
// The last rule object seen, in front of the WeakMap: evaluating one rule over many records is the
// usual pattern, and an identity check is much cheaper than a WeakMap lookup. Same contents as
// byIdentity, so it never changes an answer.
let lastRule: object | null = null;
let lastCompiled: CompiledRule | null = null;
// Insertion-ordered Map used as an LRU: rules re-parsed from storage share one compiled closure.
const byText = new Map<string, CompiledRule>();

// JSON.stringify would print -0, NaN, Infinity and undefined like 0/null, yet they evaluate differently.
function keyReplacer(_key: string, value: unknown): unknown {
  if (value === undefined) return '\u0000undefined';
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)))
    return `\u0000${Object.is(value, -0) ? '-0' : String(value)}`;
  return value;
}

function cachedCompile(rule: unknown): CompiledRule {
  if (rule === null || typeof rule !== 'object') return compileRule(rule);
  if (rule === lastRule) return lastCompiled as CompiledRule;
  const known = byIdentity.get(rule);
  if (known !== undefined) return remember(rule, known);
  let key: string;
  try {
    key = JSON.stringify(rule, keyReplacer);
  } catch {
    return compileRule(rule); // cyclic: compileRule reports RULE_TOO_DEEP
  }
  let compiled = byText.get(key);
  if (compiled === undefined) {
    compiled = compileRule(rule);
    if (byText.size >= RULE_CACHE_SIZE) byText.delete(byText.keys().next().value as string);
  } else {
    byText.delete(key);
  }
  byText.set(key, compiled);
  byIdentity.set(rule, compiled);
  return remember(rule, compiled);
}

function remember(rule: object, compiled: CompiledRule): CompiledRule {
  lastRule = rule;
  lastCompiled = compiled;
  return compiled;
}

/**
 * Evaluates a rule, compiling it on first use. Compiled rules are cached by object identity and
 * by JSON text, so do not mutate a rule object after evaluating it.
 */
export function evaluateRule(rule: unknown, data?: unknown, ctx?: EvaluationContext): unknown {
  return cachedCompile(rule)(data, ctx);
}

/** Empties the text cache (identity entries go with their rule objects). */
export function clearRuleCache(): void {
  byText.clear();
  lastRule = null;
  lastCompiled = null;
}
