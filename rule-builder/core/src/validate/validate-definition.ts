import { conditionSchemaFor, workflowDefinitionSchema } from '@baton/contracts';
import type { Diagnostic, ValidationReport, WarningCode } from '../diagnostics';
import { WARNING_CODES } from '../diagnostics';
import { schemaDiagnostics } from '../schema-diagnostics';
import type { StepCatalog } from '../step-catalog';
import { checkConditions } from './conditions';
import type { EntitySchema } from './conditions';
import { checkCycles } from './cycles';
import { checkTriggerFields } from './trigger-fields';
import { readModel } from './model';
import { checkReachability, reachingTriggers } from './reachability';
import { checkSteps } from './steps';
import { checkEdges, checkErrorPaths, checkIds, checkLayout, checkOutgoing } from './structure';

/** What {@link validateDefinition} checks a definition against. */
export interface DefinitionValidationOptions {
  /** The step types the deployment can run. */
  readonly catalog: StepCatalog;
  /**
   * The data conditions see in runs started by an entity's trigger; `undefined` skips field checks
   * for that entity. Defaults to `conditionSchemaFor` from the contracts.
   */
  readonly entitySchema?: EntitySchema;
}

const warningCodes: ReadonlySet<string> = new Set<WarningCode>(WARNING_CODES);

/**
 * Checks a definition before it is saved or published: its shape (the zod schema), ids, edges,
 * error paths, reachability, branching, runaway cycles, step types and configs (from the catalog)
 * and every condition (with the rule validator). A definition that fails the schema still gets as
 * many of the other checks as can be read. Never throws; `ok` is false exactly when there are errors.
 */
export function validateDefinition(
  definition: unknown,
  options: DefinitionValidationOptions,
): ValidationReport {
  const found: Diagnostic[] = [];
  const parsed = workflowDefinitionSchema.safeParse(definition);
  if (!parsed.success) found.push(...schemaDiagnostics(parsed.error.issues, definition));

  const model = readModel(parsed.success ? parsed.data : definition);
  const reached = reachingTriggers(model);
  found.push(
    ...checkIds(model),
    ...checkEdges(model),
    ...checkErrorPaths(model),
    ...checkSteps(model, options.catalog),
    ...checkOutgoing(model),
    ...checkReachability(model, reached),
    ...checkCycles(model, options.catalog),
    ...checkConditions(model, reached, options.entitySchema ?? conditionSchemaFor),
    ...checkTriggerFields(model, options.entitySchema ?? conditionSchemaFor),
    ...checkLayout(model),
  );
  const errors = found.filter((d) => !warningCodes.has(d.code));
  const warnings = found.filter((d) => warningCodes.has(d.code));
  return { ok: errors.length === 0, errors, warnings };
}
