import {
  ApplicationFailure,
  condition,
  defineUpdate,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { APPROVAL_UPDATE, delayMilliseconds } from '@baton/contracts/engine';
import type {
  ApprovalActionInput,
  ApprovalConfig,
  ApprovalState,
  ApprovalStepOutput,
  BookkeepingActivities,
  DryRunOptions,
  Intention,
  RunDefinitionInput,
} from '@baton/contracts';
import {
  applyApprovalAction,
  approvalOutput,
  checkApprovalAction,
  escalateApproval,
  undecidedUsers,
} from './approval-state';

export const approvalUpdate = defineUpdate<ApprovalState, [ApprovalActionInput]>(APPROVAL_UPDATE);

const bookkeeping = proxyActivities<BookkeepingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * The config's defaults, applied here without zod (see @baton/contracts/engine): the API starts
 * runs with normalised configs, but runs started by older versions may lack them.
 */
export function withApprovalDefaults(config: ApprovalConfig): ApprovalConfig {
  return {
    ...config,
    maxEscalations: config.maxEscalations ?? 1,
    stages: config.stages.map((stage) => ({ ...stage, mode: stage.mode ?? 'any' })),
  };
}

const copy = (state: ApprovalState): ApprovalState => JSON.parse(JSON.stringify(state)) as ApprovalState;

/**
 * The run's approval requests. Decisions arrive as Temporal Updates: the validator checks each one
 * against the request as it stands, so of two simultaneous decisions one is applied and the other
 * refused with a code, and nothing refused ever reaches history.
 */
export class Approvals {
  private current?: ApprovalState;

  constructor(
    private readonly input: RunDefinitionInput,
    private readonly now: () => string,
  ) {
    setHandler(approvalUpdate, (action) => this.act(action), {
      validator: (action) => {
        const problem = checkApprovalAction(this.current, action);
        if (problem) {
          throw ApplicationFailure.create({
            type: problem.code,
            message: problem.message,
            nonRetryable: true,
          });
        }
      },
    });
  }

  /** The request still open when the run is cancelled, so it can be closed as cancelled. */
  pending(): ApprovalState | undefined {
    return this.current?.status === 'pending' ? this.current : undefined;
  }

  private async act(action: ApprovalActionInput): Promise<ApprovalState> {
    const state = this.current!;
    applyApprovalAction(state, action, this.now());
    const snapshot = copy(state);
    // The person's request returns once the decision is stored, so what they see next is true.
    await bookkeeping.recordApproval(snapshot);
    return snapshot;
  }

  /** A dry run's approval: which stages would ask whom, with the outcome taken as given. */
  async preview(
    config: ApprovalConfig,
    holds: (rule: unknown) => Promise<boolean>,
    assume: DryRunOptions['approvals'],
  ): Promise<{ output: ApprovalStepOutput; intentions: Intention[] }> {
    const intentions: Intention[] = [];
    for (const [stage, spec] of config.stages.entries()) {
      if (spec.when !== undefined && !(await holds(spec.when))) continue;
      const who = spec.approvers
        .map((a) =>
          a.kind === 'role'
            ? `every ${a.role}`
            : a.kind === 'user'
              ? `user ${a.userId}`
              : "the owner's manager",
        )
        .join(', ');
      intentions.push({
        kind: 'request_approval',
        summary: `Ask ${who} (${spec.name}); assumed ${assume.replace('_', ' ')}`,
        details: { stage, stageName: spec.name, approvers: spec.approvers, mode: spec.mode },
      });
      if (assume !== 'approved') break;
    }
    const decision = intentions.length === 0 ? 'approved' : assume;
    return { output: { decision, comment: null, decidedById: null, approvalIds: [] }, intentions };
  }

  /**
   * Runs the stages in order, skipping those whose `when` does not hold; the first stage not
   * approved ends the step with its outcome.
   */
  async run(
    stepId: string,
    visit: number,
    config: ApprovalConfig,
    holds: (rule: unknown) => Promise<boolean>,
  ): Promise<ApprovalStepOutput> {
    const runId = this.input.origin.runId;
    const timeoutMs = delayMilliseconds(config.timeout, Date.now(), this.input.definition.businessHours);
    const approvalIds: string[] = [];
    let last: ApprovalState | undefined;
    for (const [stage, spec] of config.stages.entries()) {
      if (spec.when !== undefined && !(await holds(spec.when))) continue;
      const approvalId = `${runId}:${stepId}:${visit}:${stage}`;
      const opened = await bookkeeping.openApproval({
        approvalId,
        runId,
        stepId,
        stage,
        stageName: spec.name,
        reason: spec.name,
        record: this.input.record,
        approvers: spec.approvers,
        mode: spec.mode,
        requestedById: this.input.event.actorId ?? null,
        dueAt: new Date(Date.now() + timeoutMs).toISOString(),
        title: config.title ?? 'Approval requested',
      });
      const state: ApprovalState = {
        approvalId,
        status: 'pending',
        mode: spec.mode,
        slots: opened.approverIds.map((id) => ({ userIds: [id] })),
        decisions: [],
        recallers: [...new Set([this.input.event.actorId, opened.ownerId].filter((id) => !!id))] as string[],
        escalations: 0,
      };
      this.current = state;
      approvalIds.push(approvalId);
      while (!(await condition(() => state.status !== 'pending', timeoutMs))) {
        const managers =
          state.escalations < config.maxEscalations
            ? await bookkeeping.findManagers({ approvalId, userIds: undecidedUsers(state) })
            : {};
        // A decision may have landed while the managers were looked up.
        if (state.status !== 'pending') break;
        if (!escalateApproval(state, managers)) {
          state.status = 'timed_out';
          break;
        }
        await bookkeeping.recordApproval(copy(state));
      }
      await bookkeeping.recordApproval(copy(state));
      last = state;
      if (state.status !== 'approved') break;
    }
    return approvalOutput(last, approvalIds);
  }
}
