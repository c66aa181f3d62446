/** Any JSON Logic rule: a literal, an array of rules, or a single-key `{ operator: args }` object. */
export type JsonLogicRule =
  null | boolean | number | string | readonly JsonLogicRule[] | { readonly [operator: string]: unknown };

/**
 * Per-evaluation inputs that are not part of the record. Evaluation never reads the clock:
 * date operators take "now" from here (Temporal workflow code passes workflow time).
 */
export interface EvaluationContext {
  /** The current instant: an ISO-8601 string, epoch milliseconds or a Date. */
  readonly now?: string | number | Date;
  /** Receives the argument of the `log` operator; without it `log` is silent. */
  readonly log?: (value: unknown) => void;
}

/** A rule compiled to a closure tree. Reusable and safe to call concurrently. */
export type CompiledRule = (data?: unknown, ctx?: EvaluationContext) => unknown;

/** Static types used by the operator registry and the validator's type checker. */
export type RuleType = 'any' | 'null' | 'boolean' | 'number' | 'string' | 'date' | 'array' | 'object';
