import type { ActivityRegistry } from '@baton/activity-sdk';
import type { WorkflowDefinition } from '@baton/contracts';

/**
 * Fills each step's retry policy and timeout from its activity type's declared defaults, so the
 * run carries them (and keeps them, pinned with its version) without workflow code knowing types.
 */
export function withActivityDefaults(
  definition: WorkflowDefinition,
  registry: ActivityRegistry,
): WorkflowDefinition {
  return {
    ...definition,
    steps: definition.steps.map((step) => {
      const type = registry.get(step.type);
      if (!type) return step;
      return {
        ...step,
        ...(step.retry === undefined && type.retry !== undefined ? { retry: type.retry } : {}),
        ...(step.timeoutSeconds === undefined && type.timeoutSeconds !== undefined
          ? { timeoutSeconds: type.timeoutSeconds }
          : {}),
      };
    }),
  };
}
