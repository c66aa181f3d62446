import { proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type {
  BookkeepingActivities,
  RunDefinitionInput,
  RunDefinitionResult,
  StepActivity,
  StepContext,
  StepTrail,
} from '@baton/contracts';

// Short CRM steps as local activities, as the interpreter runs them: the comparison is of
// interpreting a definition, not of two ways to schedule activities.
const steps = proxyLocalActivities<Record<string, StepActivity>>({
  startToCloseTimeout: '15 seconds',
  retry: { maximumAttempts: 5, initialInterval: '1 second', nonRetryableErrorTypes: ['BatonUserError'] },
});
// Like the interpreter, it stores the run's status in a local activity.
const bookkeeping = proxyLocalActivities<BookkeepingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * Lead handoff written by hand against the same activities the interpreter calls: assign an
 * owner, create their task, record the run. Not used by the product; `npm run bench:engine`
 * runs it beside the interpreter to measure what interpreting a definition costs.
 */
export async function referenceHandoffWorkflow(input: RunDefinitionInput): Promise<RunDefinitionResult> {
  const runId = workflowInfo().workflowId;
  const context: StepContext = { record: input.record, steps: {} };
  const trail: StepTrail[] = [];
  const now = () => new Date(Date.now()).toISOString();
  for (const stepId of ['assign_owner', 'contact_task']) {
    const step = input.definition.steps.find((s) => s.id === stepId)!;
    const startedAt = now();
    const { output } = await steps[step.type]!({
      origin: input.origin,
      stepId,
      type: step.type,
      config: step.config,
      context,
      idempotencyKey: `${runId}:${stepId}:1`,
    });
    context.steps[stepId] = output;
    trail.push({ stepId, type: step.type, status: 'completed', startedAt, finishedAt: now() });
  }
  await bookkeeping.recordRunStatus({
    runId,
    origin: input.origin,
    eventId: input.event.id,
    record: input.record,
    status: 'completed',
    trail,
  });
  return { status: 'completed', stepsRun: trail.map((t) => t.stepId) };
}
