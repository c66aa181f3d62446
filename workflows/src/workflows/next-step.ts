import type { Transition, WorkflowDefinition } from '@baton/contracts';

/**
 * Picks the transition to follow out of a node: the first conditional edge whose condition holds,
 * else the unconditional (default) edge, else none (the path ends).
 */
export function nextStepId(
  definition: WorkflowDefinition,
  fromId: string,
  holds: (condition: unknown) => boolean,
): string | undefined {
  const outgoing = definition.transitions.filter((t: Transition) => t.from === fromId);
  const conditional = outgoing.find((t) => t.condition !== undefined && holds(t.condition));
  if (conditional) return conditional.to;
  return outgoing.find((t) => t.condition === undefined)?.to;
}
