import type { EntityType, WorkflowDefinition } from '@baton/contracts';
import { evaluateRule, truthy } from '@baton/rules';

/**
 * Whether a record would enter this version now: one of its triggers on the record's entity has
 * no condition, or a condition that holds for the record's current fields — evaluated as the
 * dispatcher does. A change a trigger waits for (`updated` with a field, `from`, `to`) and the
 * trigger's re-enrollment policy are not looked at: there is no event to compare with.
 */
export function enters(
  definition: WorkflowDefinition,
  entity: EntityType,
  fields: Record<string, unknown>,
  now: Date,
): boolean {
  const data = { [entity]: fields, steps: {} };
  return definition.triggers.some((trigger) => {
    if (trigger.entity !== entity) return false;
    if (trigger.condition === undefined) return true;
    try {
      return truthy(evaluateRule(trigger.condition, data, { now }));
    } catch {
      // As in the dispatcher: a condition that cannot be evaluated does not fire.
      return false;
    }
  });
}
