import type { ActivityRegistry } from '@baton/activity-sdk';
import {
  CONTROL_STEP_CONFIG_SCHEMAS,
  SLOW_STEP_SECONDS,
  SLOW_TASK_QUEUE,
  isControlStepType,
  type Step,
  type StepRouting,
  type WorkflowDefinition,
} from '@baton/contracts';

/**
 * Fills each step's retry policy and timeout from its activity type's declared defaults, so the
 * run carries them (and keeps them, pinned with its version) without workflow code knowing types.
 * Slow steps (a timeout over SLOW_STEP_SECONDS: webhooks, email) are routed to their own task
 * queue. Control steps get their config's defaults here too: workflow code stays free of zod.
 */
export function withActivityDefaults(
  definition: WorkflowDefinition,
  registry: ActivityRegistry,
): WorkflowDefinition {
  return {
    ...definition,
    steps: definition.steps.map((step): Step & StepRouting => {
      if (isControlStepType(step.type)) {
        const parsed = CONTROL_STEP_CONFIG_SCHEMAS[step.type].safeParse(step.config);
        return parsed.success ? { ...step, config: parsed.data } : step;
      }
      const type = registry.get(step.type);
      if (!type) return step;
      const timeoutSeconds = step.timeoutSeconds ?? type.timeoutSeconds;
      return {
        ...step,
        ...(step.retry === undefined && type.retry !== undefined ? { retry: type.retry } : {}),
        ...(step.timeoutSeconds === undefined && type.timeoutSeconds !== undefined
          ? { timeoutSeconds: type.timeoutSeconds }
          : {}),
        ...(timeoutSeconds !== undefined && timeoutSeconds > SLOW_STEP_SECONDS
          ? { taskQueue: SLOW_TASK_QUEUE }
          : {}),
      };
    }),
  };
}
