/**
 * Codes of problems that make a definition unusable. The editor, the API and the docs key on these
 * strings, so never rename one; add new codes instead.
 */
export const ERROR_CODES = [
  'INVALID_JSON',
  'DEFINITION_SCHEMA',
  'DUPLICATE_ID',
  'NO_TRIGGER',
  'DANGLING_EDGE',
  'UNREACHABLE_STEP',
  'BRANCH_WITHOUT_DEFAULT',
  'MULTIPLE_DEFAULTS',
  'END_HAS_TRANSITIONS',
  'INVALID_TRIGGER',
  'RUNAWAY_CYCLE',
  'UNKNOWN_STEP_TYPE',
  'INVALID_STEP_CONFIG',
  'UNKNOWN_ERROR_PATH',
  'UNKNOWN_OPERATOR',
  'FORBIDDEN_PATH',
  'UNKNOWN_FIELD',
  'TYPE_MISMATCH',
  'INVALID_CONDITION',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes of suspicious but runnable constructs. Warnings never make a definition invalid. */
export const WARNING_CODES = ['DEAD_BRANCH', 'DEAD_TRIGGER', 'SHADOWED_TRANSITION', 'STALE_LAYOUT'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Every code a {@link Diagnostic} can carry. */
export const DIAGNOSTIC_CODES = [...ERROR_CODES, ...WARNING_CODES] as const;
export type DiagnosticCode = ErrorCode | WarningCode;

/**
 * One problem found in a definition or editor graph. `nodeId` names the trigger or step it concerns,
 * `edgeId` the transition; `path` is a JSON Pointer into the checked document (the definition for
 * {@link validateDefinition}, the editor graph for {@link validateGraph}).
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  readonly path?: string;
}

/** Outcome of a validation: `ok` is true exactly when `errors` is empty, whatever the warnings. */
export interface ValidationReport {
  readonly ok: boolean;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/** Appends segments to a JSON Pointer (RFC 6901). */
export function pointer(base: string, ...segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (path, s) => `${path}/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    base,
  );
}

/** Splits a JSON Pointer into its unescaped segments ("" is the root: no segments). */
export function pointerSegments(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
