import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  defineQuery,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { delayMilliseconds, isControlStepType, RUN_STATUS_QUERY } from '@baton/contracts/engine';
import type {
  ApprovalConfig,
  BookkeepingActivities,
  CallWorkflowConfig,
  ForEachConfig,
  ParallelConfig,
  DelayConfig,
  DryRunOverlay,
  Intention,
  RunDefinitionInput,
  RunDefinitionResult,
  RunStatusView,
  Step,
  StepActivity,
  StepContext,
  StepRouting,
  StepTrail,
  WaitForConfig,
} from '@baton/contracts';
import { evaluateRule, truthy } from '@baton/rules';
import { Approvals, withApprovalDefaults } from './approval-step';
import { ChildRuns } from './child-runs';
import { nextStepId } from './next-step';
import { RecordWaits } from './wait-step';

export const runStatusQuery = defineQuery<RunStatusView>(RUN_STATUS_QUERY);

const CANCELLED = { code: 'CANCELLED', message: 'The run was cancelled' };
const PATH_STOPPED = { code: 'PATH_STOPPED', message: 'Another path of the parallel step finished first' };

/** How one path of steps ended: at its end, at a parallel step's join, or failed. */
type PathEnd =
  | { kind: 'ended' }
  | { kind: 'joined'; joinId: string }
  | { kind: 'failed'; error: NonNullable<RunDefinitionResult['error']>; inParallelPath: boolean };

// CRM steps are short database transactions; a worker that dies mid-step is noticed after this
// long and the step retried elsewhere. Slow kinds (webhooks, email) declare their own timeout.
const DEFAULT_STEP_TIMEOUT_SECONDS = 15;

// A definition that loops without waiting would spin forever; stop it with a visible reason.
const MAX_STEPS_PER_RUN = 1000;

// Long runs (a case escalated every few hours for weeks) continue as new well before Temporal's
// history limits; the server may also suggest it.
const DEFAULT_HISTORY_LIMIT = 10_000;

const BOOKKEEPING_OPTIONS = {
  startToCloseTimeout: '10 seconds',
  // Bookkeeping must eventually land, so it retries without an attempt limit.
  retry: { maximumInterval: '30 seconds' },
} as const;
const remoteBookkeeping = proxyActivities<BookkeepingActivities>(BOOKKEEPING_OPTIONS);
const localBookkeeping = proxyLocalActivities<BookkeepingActivities>(BOOKKEEPING_OPTIONS);

// Reading the record and storing the run's status are short and safe to repeat, so they run as
// local activities: no round trip through the Temporal server's task queues, which on a small
// machine was a third of each run's cost. Runs started before this change replay as they ran.
const LOCAL_BOOKKEEPING_PATCH = 'local-bookkeeping';
function books(): Pick<BookkeepingActivities, 'readRecord' | 'recordRunStatus'> {
  return patched(LOCAL_BOOKKEEPING_PATCH) ? localBookkeeping : remoteBookkeeping;
}

// Steps that finish within this long run as local activities: in the worker that runs the
// workflow, without a round trip through the server's task queues per step (most of a short run's
// latency). Idempotency keys make a re-run after a worker crash write nothing twice. Slower steps
// (webhooks, email) stay ordinary activities, which the server hands to any worker.
const LOCAL_STEP_MAX_SECONDS = 30;
const LOCAL_STEPS_PATCH = 'local-steps';
// Slow steps go to the queue the API named for them, so they cannot take every activity slot
// from CRM steps. Runs started before this change schedule them as they did.
const SLOW_QUEUE_PATCH = 'slow-step-queue';

function activityFor(step: Step): StepActivity {
  const timeoutSeconds = step.timeoutSeconds ?? DEFAULT_STEP_TIMEOUT_SECONDS;
  const options = {
    startToCloseTimeout: timeoutSeconds * 1000,
    retry: {
      maximumAttempts: step.retry?.maximumAttempts ?? 5,
      initialInterval: (step.retry?.initialIntervalSeconds ?? 1) * 1000,
      backoffCoefficient: step.retry?.backoffCoefficient ?? 2,
      maximumInterval: 5 * 60_000,
      nonRetryableErrorTypes: ['BatonUserError'],
    },
  };
  const local = timeoutSeconds <= LOCAL_STEP_MAX_SECONDS && patched(LOCAL_STEPS_PATCH);
  const { taskQueue } = step as Step & StepRouting;
  const routed = !local && taskQueue !== undefined && patched(SLOW_QUEUE_PATCH);
  const activities = local
    ? proxyLocalActivities<Record<string, StepActivity>>(options)
    : proxyActivities<Record<string, StepActivity>>(routed ? { ...options, taskQueue } : options);
  return activities[step.type]!;
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
 * effect happens in an activity, keyed by run id + step id so a redelivered activity writes once;
 * conditions are evaluated with workflow time as "now".
 */
export async function runDefinitionWorkflow(input: RunDefinitionInput): Promise<RunDefinitionResult> {
  const { definition, origin } = input;
  const steps = new Map(definition.steps.map((s) => [s.id, s]));
  const context: StepContext = {
    record: input.record,
    steps: { ...input.resume?.steps },
    ...(input.trigger ? { trigger: input.trigger } : {}),
  };
  const stepsRun: string[] = [...(input.resume?.stepsRun ?? [])];
  const trail: StepTrail[] = [...(input.resume?.trail ?? [])];
  let status: RunStatusView['status'] = 'running';
  const runId = workflowInfo().workflowId;
  // Workflow time: deterministic on replay.
  const now = () => new Date(Date.now()).toISOString();
  setHandler(runStatusQuery, () => ({ status, trail }));
  const approvals = new Approvals(input, now);
  const historyIsLong = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  };
  const waits = new RecordWaits(definition.businessHours);
  // Dry runs: record patches earlier steps would have made, so later steps and conditions see them.
  const overlay: DryRunOverlay = {};
  const recordKey = `${input.record.type}:${input.record.id}`;
  const children = new ChildRuns(input, runId);
  // The run's own scope: cancelled only when someone cancels the run, not when a path is stopped.
  const root = CancellationScope.current();

  // Record fields are read fresh (through an activity) only when a condition needs them.
  async function view(): Promise<{ fields: Record<string, unknown>; holds: (rule: unknown) => boolean }> {
    const fields = input.dryRun
      ? await books().readRecord(input.record, overlay)
      : await books().readRecord(input.record);
    const data = { [input.record.type]: fields, steps: context.steps, trigger: input.trigger ?? {} };
    return { fields, holds: (rule) => truthy(evaluateRule(rule, data, { now: Date.now() })) };
  }

  async function evaluator(): Promise<(rule: unknown) => boolean> {
    return (await view()).holds;
  }

  async function next(fromId: string): Promise<string | undefined> {
    const conditional = definition.transitions.some((t) => t.from === fromId && t.condition !== undefined);
    if (!conditional) return nextStepId(definition, fromId, () => false);
    return nextStepId(definition, fromId, await evaluator());
  }

  try {
    const start = input.resume ? await resumeAt(input.resume) : await next(input.triggerId);
    const end = await runPath(start, 0);
    return end.kind === 'failed' ? finish(end.error, end.inParallelPath) : finish();
  } catch (err) {
    if (isCancellation(err)) await recordCancelled();
    throw err;
  }

  /** Where a continued or retried run picks up; a skipped step is noted and passed over. */
  async function resumeAt(resume: NonNullable<RunDefinitionInput['resume']>): Promise<string | undefined> {
    if (!resume.skip) return resume.stepId;
    const step = steps.get(resume.stepId);
    stepsRun.push(resume.stepId);
    trail.push({
      stepId: resume.stepId,
      type: step?.type ?? 'unknown',
      status: 'skipped',
      startedAt: now(),
      finishedAt: now(),
    });
    context.steps[resume.stepId] = { skipped: true };
    return step?.type === 'end' ? undefined : next(resume.stepId);
  }

  /**
   * Runs steps from `startId` until the path ends. Inside a parallel step's path (`depth` > 0) it
   * stops on reaching a `join`, which the parallel step then passes once for all its paths.
   */
  async function runPath(startId: string | undefined, depth: number): Promise<PathEnd> {
    let currentId = startId;
    while (currentId !== undefined) {
      if (depth === 0 && historyIsLong()) {
        // Between steps nothing is half done: the next run starts at this step with the state so far.
        await condition(allHandlersFinished);
        return await continueAsNew<typeof runDefinitionWorkflow>({
          ...input,
          resume: { stepId: currentId, steps: context.steps, stepsRun, trail },
        });
      }
      const step = steps.get(currentId);
      if (!step) {
        const error = {
          code: 'DEFINITION_INVALID',
          message: `transition to unknown step ${currentId}`,
          stepId: currentId,
        };
        return { kind: 'failed', error, inParallelPath: depth > 0 };
      }
      if (step.type === 'join' && depth > 0) return { kind: 'joined', joinId: step.id };
      if (stepsRun.length >= MAX_STEPS_PER_RUN) {
        const error = {
          code: 'RUNAWAY',
          message: `stopped after ${MAX_STEPS_PER_RUN} steps`,
          stepId: step.id,
        };
        return { kind: 'failed', error, inParallelPath: depth > 0 };
      }
      if (step.type === 'parallel') {
        const outcome = await runParallel(step, depth);
        if (outcome.kind !== 'continue') return outcome;
        currentId = outcome.nextId;
        continue;
      }
      stepsRun.push(step.id);
      const visit: StepTrail = { stepId: step.id, type: step.type, status: 'running', startedAt: now() };
      trail.push(visit);
      try {
        const { output, intentions } = await execute(step, stepsRun.length);
        context.steps[step.id] = output;
        // The run detail shows what each step produced; dry runs also what it would have done.
        Object.assign(visit, input.dryRun ? { intentions: intentions ?? [], output } : { output });
        Object.assign(visit, { status: 'completed', finishedAt: now() });
        currentId = step.type === 'end' ? undefined : await next(step.id);
      } catch (err) {
        if (isCancellation(err)) {
          // Only this path was stopped (another reached the join first) unless the whole run was cancelled.
          const pathOnly = depth > 0 && !root.consideredCancelled;
          Object.assign(visit, {
            status: pathOnly ? 'cancelled' : 'failed',
            finishedAt: now(),
            error: pathOnly ? PATH_STOPPED : CANCELLED,
          });
          throw err;
        }
        const failure = failureOf(err);
        Object.assign(visit, { status: 'failed', finishedAt: now(), error: failure });
        if (step.onError === undefined) {
          return { kind: 'failed', error: { ...failure, stepId: step.id }, inParallelPath: depth > 0 };
        }
        context.steps[step.id] = { error: failure };
        currentId = step.onError;
      }
    }
    return { kind: 'ended' };
  }

  /**
   * Starts every path out of a parallel step at once, each in its own cancellation scope; goes on
   * through their join once all arrived (`all`) or the first did (`any`, the others are stopped).
   * A failing path stops the others and fails the step. Returns the join's successor to go on at.
   */
  async function runParallel(
    step: Step,
    depth: number,
  ): Promise<Exclude<PathEnd, { kind: 'joined' }> | { kind: 'continue'; nextId: string }> {
    const { wait } = step.config as ParallelConfig;
    stepsRun.push(step.id);
    const visit: StepTrail = { stepId: step.id, type: step.type, status: 'running', startedAt: now() };
    trail.push(visit);
    const outgoing = definition.transitions.filter((t) => t.from === step.id);
    const holds = outgoing.some((t) => t.condition !== undefined) ? await evaluator() : () => true;
    const starts = outgoing.filter((t) => t.condition === undefined || holds(t.condition)).map((t) => t.to);
    Object.assign(visit, { status: 'completed', finishedAt: now() });
    context.steps[step.id] = { paths: starts.length };

    const scopes = starts.map(() => new CancellationScope());
    let stopping = false;
    const stopOthers = () => {
      stopping = true;
      for (const scope of scopes) scope.cancel();
    };
    const ends = await Promise.all(
      starts.map(async (target, i): Promise<PathEnd | undefined> => {
        try {
          const end = await scopes[i]!.run(() => runPath(target, depth + 1));
          if (end.kind === 'failed' || (end.kind === 'joined' && wait === 'any')) stopOthers();
          return end;
        } catch (err) {
          // A path stopped because another finished first (or failed) is not a failure.
          if (stopping && isCancellation(err) && !root.consideredCancelled) return undefined;
          throw err;
        }
      }),
    );
    const failed = ends.find((e) => e?.kind === 'failed');
    if (failed) return failed;
    const joins = new Set(ends.flatMap((e) => (e?.kind === 'joined' ? [e.joinId] : [])));
    if (joins.size === 0) return { kind: 'ended' };
    if (joins.size > 1) {
      const error = {
        code: 'DEFINITION_INVALID',
        message: `the paths of ${step.id} meet at different joins (${[...joins].join(', ')})`,
        stepId: step.id,
      };
      return { kind: 'failed', error, inParallelPath: depth > 0 };
    }
    const [joinId] = joins as unknown as [string];
    stepsRun.push(joinId);
    const joined = ends.filter((e) => e?.kind === 'joined').length;
    context.steps[joinId] = { joined };
    trail.push({ stepId: joinId, type: 'join', status: 'completed', startedAt: now(), finishedAt: now() });
    const after = await next(joinId);
    return after === undefined ? { kind: 'ended' } : { kind: 'continue', nextId: after };
  }

  async function execute(
    step: Step,
    visit: number,
  ): Promise<{ output: Record<string, unknown>; intentions?: Intention[] }> {
    if (isControlStepType(step.type)) {
      switch (step.type) {
        case 'branch':
        case 'end':
          return { output: {} };
        case 'delay': {
          const config = step.config as DelayConfig;
          const waitedMs = delayMilliseconds(config, Date.now(), definition.businessHours);
          if (input.dryRun) {
            const summary = `Wait ${config.amount} ${config.unit}`;
            return { output: { waitedMs }, intentions: [{ kind: 'wait', summary, details: config }] };
          }
          await sleep(waitedMs);
          return { output: { waitedMs } };
        }
        case 'approval': {
          const config = withApprovalDefaults(step.config as ApprovalConfig);
          const holds = async (rule: unknown) => (await evaluator())(rule);
          if (input.dryRun) return approvals.preview(config, holds, input.dryRun.approvals);
          return { output: await approvals.run(step.id, visit, config, holds) };
        }
        case 'wait_for': {
          const config = step.config as WaitForConfig;
          if (input.dryRun) return waits.preview(config, view);
          return { output: await waits.waitFor(config, view) };
        }
        case 'call_workflow':
        case 'for_each': {
          const config = step.config as CallWorkflowConfig & ForEachConfig;
          if (input.dryRun) return children.preview(step.type, config, context.steps);
          if (step.type === 'for_each') return { output: await children.forEach(step.id, visit, config) };
          return { output: await children.call(step.id, visit, config, context.steps) };
        }
        // Parallel steps and joins are walked by runPath itself; a join reached outside a parallel
        // step's paths (the graph merges there) simply passes.
        case 'parallel':
        case 'join':
          return { output: {} };
      }
    }
    const result = await activityFor(step)({
      origin,
      stepId: step.id,
      type: step.type,
      config: step.config,
      context,
      idempotencyKey: `${runId}:${step.id}:${visit}`,
      ...(definition.businessHours ? { businessHours: definition.businessHours } : {}),
      ...(input.dryRun ? { dryRun: { overlay } } : {}),
    });
    for (const intention of result.intentions ?? []) {
      const { record, patch } = intention.details as {
        record?: { type: string; id: string };
        patch?: object;
      };
      if (
        intention.kind === 'update_record' &&
        record &&
        `${record.type}:${record.id}` === recordKey &&
        patch
      )
        overlay[recordKey] = { ...overlay[recordKey], ...patch };
    }
    return result;
  }

  // Cancelled runs are recorded as such even though the workflow's scope is cancelled, and the
  // cancellation is then rethrown so Temporal shows the run as cancelled too.
  async function recordCancelled(): Promise<void> {
    status = 'cancelled';
    if (input.dryRun) return;
    const stepId = trail.at(-1)?.stepId ?? input.triggerId;
    const approval = approvals.pending();
    if (approval) {
      approval.status = 'cancelled';
      await CancellationScope.nonCancellable(() => remoteBookkeeping.recordApproval(approval));
    }
    await CancellationScope.nonCancellable(() =>
      books().recordRunStatus({
        runId,
        origin,
        eventId: input.event.id,
        record: input.record,
        status: 'cancelled',
        trail,
        error: { ...CANCELLED, stepId },
      }),
    );
  }

  async function finish(
    error?: RunDefinitionResult['error'],
    inParallelPath = false,
  ): Promise<RunDefinitionResult> {
    const outcome = error ? 'failed' : 'completed';
    status = outcome;
    // A decision still being stored finishes before the run does.
    await condition(allHandlersFinished);
    if (input.dryRun) {
      return error ? { status: outcome, stepsRun, error, trail } : { status: outcome, stepsRun, trail };
    }
    await books().recordRunStatus({
      runId,
      origin,
      eventId: input.event.id,
      record: input.record,
      status: outcome,
      trail,
      error,
    });
    if (!error) return { status: outcome, stepsRun };
    // What a retry needs to start again at the failed step, as if it had not run yet.
    const before = stepsRun.at(-1) === error.stepId ? stepsRun.slice(0, -1) : [...stepsRun];
    return {
      status: outcome,
      stepsRun,
      error,
      resumable: { steps: context.steps, stepsRun: before, trail, inParallelPath },
    };
  }
}
