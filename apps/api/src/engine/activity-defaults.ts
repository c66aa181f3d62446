import type { ActivityRegistry } from '@baton/activity-sdk';
import { CONTROL_STEP_CONFIG_SCHEMAS, isControlStepType, type WorkflowDefinition } from '@baton/contracts';

/**
 * Fills each step's retry policy and timeout from its activity type's declared defaults, so the
 * run carries them (and keeps them, pinned with its version) without workflow code knowing types.
 * Control steps get their config's defaults here too: workflow code stays free of zod.
 */
export function withActivityDefaults(
  definition: WorkflowDefinition,
  registry: ActivityRegistry,
): WorkflowDefinition {
  return {
    ...definition,
    steps: definition.steps.map((step) => {
      if (isControlStepType(step.type)) {
        const parsed = CONTROL_STEP_CONFIG_SCHEMAS[step.type].safeParse(step.config);
        return parsed.success ? { ...step, config: parsed.data } : step;
      }
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
