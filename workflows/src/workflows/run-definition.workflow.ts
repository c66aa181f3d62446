import { ActivityFailure, ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type {
  EngineActivities,
  RunDefinitionInput,
  RunDefinitionResult,
  Step,
  StepContext,
} from '@baton/contracts';
import { nextStepId } from './next-step';

// A definition that loops without waiting would spin forever; stop it with a visible reason.
const MAX_STEPS_PER_RUN = 1000;

const bookkeeping = proxyActivities<EngineActivities>({
  startToCloseTimeout: '30 seconds',
  // Bookkeeping must eventually land, so it retries without an attempt limit.
  retry: { maximumInterval: '30 seconds' },
});

function activitiesFor(step: Step): EngineActivities {
  return proxyActivities<EngineActivities>({
    startToCloseTimeout: `${step.timeoutSeconds ?? 60} seconds`,
    retry: {
      maximumAttempts: step.retry?.maximumAttempts ?? 5,
      initialInterval: `${step.retry?.initialIntervalSeconds ?? 1} seconds`,
      backoffCoefficient: step.retry?.backoffCoefficient ?? 2,
      maximumInterval: '5 minutes',
      nonRetryableErrorTypes: ['BatonUserError'],
    },
  });
}

function failureOf(err: unknown): { code: string; message: string } {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) {
    const [details] = (cause.details ?? []) as [{ code?: string } | undefined];
    return { code: details?.code ?? cause.type ?? 'STEP_FAILED', message: cause.message };
  }
  return { code: 'STEP_FAILED', message: err instanceof Error ? err.message : String(err) };
}

/**
 * Executes one published definition version for one triggering record. Deterministic: every side
 * effect happens in an activity, keyed by run id + step id so a redelivered activity writes once.
 */
export async function runDefinitionWorkflow(input: RunDefinitionInput): Promise<RunDefinitionResult> {
  const { definition, origin } = input;
  const steps = new Map(definition.steps.map((s) => [s.id, s]));
  const context: StepContext = { record: input.record, steps: {} };
  const stepsRun: string[] = [];
  // Conditional transitions are evaluated by the rule engine; until a step needs one, only
  // default edges are followed.
  const holds = (): boolean => false;
  const runId = workflowInfo().workflowId;

  let currentId = nextStepId(definition, input.triggerId, holds);
  while (currentId !== undefined) {
    const step = steps.get(currentId);
    if (!step) {
      return finish({ code: 'DEFINITION_INVALID', message: `transition to unknown step ${currentId}`, stepId: currentId });
    }
    if (stepsRun.length >= MAX_STEPS_PER_RUN) {
      return finish({ code: 'RUNAWAY', message: `stopped after ${MAX_STEPS_PER_RUN} steps`, stepId: step.id });
    }
    stepsRun.push(step.id);
    try {
      const { output } = await activitiesFor(step).runStep({
        origin,
        stepId: step.id,
        type: step.type,
        config: step.config,
        context,
        idempotencyKey: `${runId}:${step.id}:${stepsRun.length}`,
      });
      context.steps[step.id] = output;
      currentId = nextStepId(definition, step.id, holds);
    } catch (err) {
      const failure = failureOf(err);
      if (step.onError === undefined) return finish({ ...failure, stepId: step.id });
      context.steps[step.id] = { error: failure };
      currentId = step.onError;
    }
  }
  return finish();

  async function finish(error?: RunDefinitionResult['error']): Promise<RunDefinitionResult> {
    const status = error ? 'failed' : 'completed';
    await bookkeeping.recordRunStatus({
      runId,
      origin,
      eventId: input.event.id,
      record: input.record,
      status,
      stepsRun,
      error,
    });
    return error ? { status, stepsRun, error } : { status, stepsRun };
  }
}
