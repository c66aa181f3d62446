import type { EntityType } from '@baton/contracts';
import { truthy, validateRule } from '@baton/rules';
import type { FieldSchema, RuleErrorCode, RuleIssue } from '@baton/rules';
import { assertNever } from '../assert-never';
import type { Diagnostic, ErrorCode } from '../diagnostics';
import type { Model, ModelStep, ModelTrigger } from './model';
import { edgeRef, stepPath, transitionPath, triggerPath } from './model';
import { isLiteral } from './structure';

/** The data schema conditions of runs started by an entity's triggers are checked against. */
export type EntitySchema = (entity: EntityType) => FieldSchema | undefined;

/** The definition code for a rule validator code. */
export function ruleCode(code: RuleErrorCode): ErrorCode {
  switch (code) {
    case 'RULE_UNKNOWN_OPERATOR':
      return 'UNKNOWN_OPERATOR';
    case 'RULE_FORBIDDEN_PATH':
      return 'FORBIDDEN_PATH';
    case 'RULE_UNKNOWN_FIELD':
      return 'UNKNOWN_FIELD';
    case 'RULE_TYPE_MISMATCH':
      return 'TYPE_MISMATCH';
    case 'RULE_BAD_ARITY':
    case 'RULE_BAD_ARGUMENT':
    case 'RULE_MALFORMED':
    case 'RULE_TOO_DEEP':
    case 'RULE_TOO_LARGE':
    case 'RULE_NOW_REQUIRED':
    case 'RULE_DUPLICATE_TRIGGER':
      return 'INVALID_CONDITION';
    default:
      return assertNever(code);
  }
}

/**
 * Runs the rule validator on every trigger condition (against its entity's schema) and every
 * transition condition (against the schema of each entity whose triggers reach the transition's
 * source; schema-free checks only when none does). Warns `DEAD_TRIGGER` / `DEAD_BRANCH` for a
 * condition that is a literal falsy value (false, null, 0, "", []).
 */
export function checkConditions(
  model: Model,
  reached: ReadonlyMap<string, ReadonlySet<ModelTrigger>>,
  entitySchema: EntitySchema,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const schemaOf = (entity: EntityType): FieldSchema | undefined => {
    try {
      return entitySchema(entity);
    } catch {
      return undefined;
    }
  };

  for (const trigger of model.triggers) {
    if (!trigger.hasCondition) continue;
    const at = { nodeId: trigger.id, path: `${triggerPath(trigger)}/condition` };
    const entities = trigger.entity === undefined ? [] : [trigger.entity];
    found.push(
      ...ruleDiagnostics(trigger.condition, entities, schemaOf).map((d) => ({
        ...d,
        ...at,
        path: at.path + d.path,
      })),
    );
    if (isDeadLiteral(trigger.condition)) {
      found.push({
        code: 'DEAD_TRIGGER',
        message: `The condition of trigger "${trigger.id}" is always false: it never starts a run`,
        ...at,
      });
    }
  }

  for (const t of model.transitions) {
    if (!t.hasCondition) continue;
    const at = { ...edgeRef(t), path: `${transitionPath(t)}/condition` };
    const triggers = t.from === undefined ? undefined : reached.get(t.from);
    const entities = [
      ...new Set([...(triggers ?? [])].flatMap((tr) => (tr.entity === undefined ? [] : [tr.entity]))),
    ];
    found.push(
      ...ruleDiagnostics(t.condition, entities, schemaOf).map((d) => ({
        ...d,
        ...at,
        path: at.path + d.path,
      })),
    );
    if (isDeadLiteral(t.condition)) {
      found.push({
        code: 'DEAD_BRANCH',
        message: 'This condition is always false: the transition is never followed',
        ...at,
      });
    }
  }

  // Conditions inside step configs (an approval stage's or owner territory's `when`, a wait's
  // `until`) read the same data.
  for (const step of model.steps) {
    const rules = stepConditions(step);
    if (rules.length === 0) continue;
    const triggers = reached.get(step.id);
    const entities = [
      ...new Set([...(triggers ?? [])].flatMap((tr) => (tr.entity === undefined ? [] : [tr.entity]))),
    ];
    for (const { rule, path } of rules) {
      found.push(
        ...ruleDiagnostics(rule, entities, schemaOf).map((d) => ({
          ...d,
          nodeId: step.id,
          path: `${stepPath(step)}/config${path}${d.path}`,
        })),
      );
    }
  }
  return found;
}

/** The JSON Logic rules a step's config holds (control steps, owner territories), with their paths in it. */
function stepConditions(step: ModelStep): { rule: unknown; path: string }[] {
  const config = step.config as Record<string, unknown> | null;
  if (config === null || typeof config !== 'object') return [];
  if (step.type === 'wait_for' && config.until !== undefined) return [{ rule: config.until, path: '/until' }];
  if (step.type === 'approval' && Array.isArray(config.stages)) return whens(config.stages, '/stages');
  if (step.type === 'assign_owner' && Array.isArray(config.territories))
    return whens(config.territories, '/territories');
  return [];
}

/** The `when` rules of a list of config entries (approval stages, owner territories). */
function whens(entries: readonly unknown[], path: string): { rule: unknown; path: string }[] {
  return entries.flatMap((entry, i) =>
    entry !== null && typeof entry === 'object' && (entry as { when?: unknown }).when !== undefined
      ? [{ rule: (entry as { when: unknown }).when, path: `${path}/${i}/when` }]
      : [],
  );
}

function isDeadLiteral(condition: unknown): boolean {
  return isLiteral(condition) && !truthy(condition);
}

/**
 * Rule issues as diagnostics with a path relative to the condition. With several entities an issue
 * found for only some of them names them, and an issue found for all of them is reported once.
 */
function ruleDiagnostics(
  condition: unknown,
  entities: readonly EntityType[],
  schemaOf: (entity: EntityType) => FieldSchema | undefined,
): { code: ErrorCode; message: string; path: string }[] {
  const runs: { entity: EntityType | undefined; issues: readonly RuleIssue[] }[] =
    entities.length === 0
      ? [{ entity: undefined, issues: validateRule(condition).errors }]
      : entities.map((entity) => ({ entity, issues: validateRule(condition, schemaOf(entity)).errors }));

  const merged = new Map<string, { issue: RuleIssue; entities: (EntityType | undefined)[] }>();
  for (const { entity, issues } of runs) {
    for (const issue of issues) {
      const key = `${issue.code}\u0000${issue.path}\u0000${issue.message}`;
      const entry = merged.get(key);
      if (entry === undefined) merged.set(key, { issue, entities: [entity] });
      else entry.entities.push(entity);
    }
  }
  return [...merged.values()].map(({ issue, entities: found }) => ({
    code: ruleCode(issue.code),
    message:
      found.length < runs.length
        ? `${issue.message} (in runs started by a ${found.join(' or ')} trigger)`
        : issue.message,
    path: issue.path,
  }));
}
