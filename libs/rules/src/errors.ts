/**
 * Stable error codes. API responses, the visual editor and workflow logs key on these strings,
 * so never rename one; add new codes instead.
 */
export type RuleErrorCode =
  | 'RULE_UNKNOWN_OPERATOR'
  | 'RULE_FORBIDDEN_PATH'
  | 'RULE_UNKNOWN_FIELD'
  | 'RULE_TYPE_MISMATCH'
  | 'RULE_BAD_ARITY'
  | 'RULE_BAD_ARGUMENT'
  | 'RULE_MALFORMED'
  | 'RULE_TOO_DEEP'
  | 'RULE_TOO_LARGE'
  | 'RULE_NOW_REQUIRED'
  | 'RULE_DUPLICATE_TRIGGER';

/** An error raised while compiling or evaluating a rule. `path` is a JSON Pointer into the rule. */
export class RuleError extends Error {
  override readonly name = 'RuleError';

  constructor(
    readonly code: RuleErrorCode,
    message: string,
    readonly path = '',
  ) {
    super(message);
  }
}

/** Appends one segment to a JSON Pointer (RFC 6901), escaping `~` and `/` as operator names contain `/`. */
export function pointer(base: string, segment: string | number): string {
  return `${base}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
