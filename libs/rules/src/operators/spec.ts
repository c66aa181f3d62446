import type { EvaluationContext, JsonLogicRule, RuleType } from '../types';

/** One declared argument of an operator. A list of types means "any of these". */
export interface ParamSpec {
  readonly name: string;
  readonly type: RuleType | readonly RuleType[];
  /** Allowed literal values (checked statically when the argument is a literal). */
  readonly oneOf?: readonly string[];
}

/** Groups operators in the visual editor's palette. */
export type OperatorCategory = 'data' | 'logic' | 'comparison' | 'arithmetic' | 'array' | 'string' | 'date';

/** Evaluates a rule met in data at run time (json-logic-js re-interprets some values as logic). */
export type ApplyLogic = (logic: unknown, data: unknown, ctx: EvaluationContext | undefined) => unknown;

/** Evaluates eagerly computed arguments. */
export type Evaluate = (
  args: readonly unknown[],
  data: unknown,
  ctx: EvaluationContext | undefined,
  apply: ApplyLogic,
) => unknown;

/**
 * Registry entry. Metadata is plain data (safe to serialise for the editor); `evaluate`, `unary`
 * and `binary` exist only on eager operators. `unary`/`binary` are optional fast paths that must
 * agree with `evaluate` for one and two arguments.
 */
export interface OperatorSpec {
  readonly name: string;
  /** Short human label for the editor, e.g. "is before". */
  readonly label: string;
  readonly description: string;
  readonly category: OperatorCategory;
  /** True for operators of json-logic-js 2.0.5, false for Baton's CRM additions. */
  readonly standard: boolean;
  /** Argument count accepted by validation; `max: null` means unbounded. */
  readonly arity: { readonly min: number; readonly max: number | null };
  readonly params: readonly ParamSpec[];
  /** Type of arguments beyond `params` for variadic operators. */
  readonly rest?: ParamSpec;
  readonly result: RuleType;
  /** Result type is that of the first argument (`log`) or the union of the branches (`if`, `and`, `or`). */
  readonly resultFrom?: 'first' | 'branches';
  /** All arguments must be mutually comparable (`==`, `<`...). */
  readonly comparison?: boolean;
  /** The second argument is evaluated once per element of the first (`map`, `filter`...). */
  readonly scoped?: boolean;
  /** Reads `ctx.now`. */
  readonly usesNow?: boolean;
  readonly example: JsonLogicRule;
  /** Special forms (`if`, `and`, `map`...) have no `evaluate`: the compiler controls their evaluation order. */
  readonly evaluate?: Evaluate;
  readonly unary?: (a: unknown, data: unknown, ctx: EvaluationContext | undefined) => unknown;
  readonly binary?: (a: unknown, b: unknown, data: unknown, ctx: EvaluationContext | undefined) => unknown;
}

/** Shorthand for a parameter. */
export function param(name: string, type: ParamSpec['type'], oneOf?: readonly string[]): ParamSpec {
  return oneOf === undefined ? { name, type } : { name, type, oneOf };
}
