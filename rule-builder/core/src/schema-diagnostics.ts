import type { Diagnostic } from './diagnostics';
import { pointer } from './diagnostics';

/** The parts of a zod issue the diagnostics need. */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Turns zod issues on a definition into diagnostics: `DEFINITION_SCHEMA`, except an empty trigger
 * list which is `NO_TRIGGER`. Each points at the trigger, step or transition it is about.
 */
export function schemaDiagnostics(issues: readonly SchemaIssue[], input: unknown): Diagnostic[] {
  return issues.map((issue) => {
    const path = pointer(
      '',
      ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    );
    if (issue.code === 'too_small' && path === '/triggers') {
      return { code: 'NO_TRIGGER', message: 'A workflow needs at least one trigger', path };
    }
    return {
      code: 'DEFINITION_SCHEMA',
      message: `${path || 'The definition'}: ${issue.message}`,
      path,
      ...locate(issue.path, input),
    };
  });
}

function locate(path: readonly PropertyKey[], input: unknown): { nodeId?: string; edgeId?: string } {
  const [collection, index] = path;
  if (collection === 'layout' && typeof index === 'string') return { nodeId: index };
  if (typeof collection !== 'string' || typeof index !== 'number' || !isRecord(input)) return {};
  const list = input[collection];
  const element: unknown = Array.isArray(list) ? list[index] : undefined;
  const id = isRecord(element) && typeof element.id === 'string' ? element.id : undefined;
  if (id === undefined) return {};
  if (collection === 'triggers' || collection === 'steps') return { nodeId: id };
  if (collection === 'transitions') return { edgeId: id };
  return {};
}

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
