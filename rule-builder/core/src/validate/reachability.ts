import type { Diagnostic } from '../diagnostics';
import type { Model, ModelTrigger } from './model';
import { stepPath } from './model';

/**
 * The triggers whose runs can reach each node, following transitions and error paths. A trigger
 * reaches itself.
 */
export function reachingTriggers(model: Model): ReadonlyMap<string, ReadonlySet<ModelTrigger>> {
  const reached = new Map<string, Set<ModelTrigger>>();
  for (const trigger of model.triggers) {
    const queue = [trigger.id];
    const visited = new Set(queue);
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const set = reached.get(id) ?? new Set<ModelTrigger>();
      set.add(trigger);
      reached.set(id, set);
      for (const next of model.successors.get(id) ?? []) {
        if (!visited.has(next)) {
          visited.add(next);
          queue.push(next);
        }
      }
    }
  }
  return reached;
}

/** `UNREACHABLE_STEP` for a step no trigger's run can get to (through transitions or error paths). */
export function checkReachability(
  model: Model,
  reached: ReadonlyMap<string, ReadonlySet<ModelTrigger>>,
): Diagnostic[] {
  return [...model.stepsById.values()]
    .filter((step) => !reached.has(step.id))
    .map((step) => ({
      code: 'UNREACHABLE_STEP',
      message: `No trigger leads to the step "${step.id}"`,
      nodeId: step.id,
      path: stepPath(step),
    }));
}
