import { workflowDefinitionSchema } from '@baton/contracts';
import type { WorkflowDefinition } from '@baton/contracts';
import type { Diagnostic } from './diagnostics';
import { schemaDiagnostics } from './schema-diagnostics';

/** Outcome of {@link parseDefinition}. */
export type ParseResult =
  | { readonly ok: true; readonly definition: WorkflowDefinition }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/**
 * Reads definition JSON text and checks it against the definition schema (shape only: run
 * {@link validateDefinition} for references, reachability, step configs and conditions). Schema
 * defaults are applied (a step without `config` gets `{}`, a partial `retry` its default values).
 * Never throws: bad JSON is `INVALID_JSON`, a shape failure `DEFINITION_SCHEMA` / `NO_TRIGGER`.
 */
export function parseDefinition(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ code: 'INVALID_JSON', message: `Not valid JSON: ${message}` }] };
  }
  const result = workflowDefinitionSchema.safeParse(json);
  if (!result.success) return { ok: false, errors: schemaDiagnostics(result.error.issues, json) };
  return { ok: true, definition: result.data };
}
