import type { ApprovalState, OpenApprovalInput, OpenApprovalOutput } from './approval';
import type { EntityType, WorkflowDefinition } from './definition';

/** Where a run came from; stored on everything the run creates so every automated action is explainable. */
export interface RunOrigin {
  workflowId: string;
  workflowName: string;
  versionId: string;
  version: number;
  /** Temporal workflow id of the run; also the run's primary key in the database. */
  runId: string;
}

/** Input of the interpreter workflow. The definition travels with the run, pinning it to its version. */
export interface RunDefinitionInput {
  origin: RunOrigin;
  definition: WorkflowDefinition;
  triggerId: string;
  /** `actorId`: who caused the event (e.g. submitted the quote); null for system changes. */
  event: { id: string; type: string; occurredAt: string; actorId?: string | null };
  record: { type: EntityType; id: string };
  /** A dry run: side effects become recorded intentions, waits are skipped, approvals assumed. */
  dryRun?: DryRunOptions;
  /** History events after which the run continues as new at its next step (default 10,000). */
  historyLimit?: number;
  /** Set when a long run continued as new: where it was and what it had done. */
  resume?: {
    stepId: string;
    steps: Record<string, Record<string, unknown>>;
    stepsRun: string[];
    trail: StepTrail[];
  };
}

export interface DryRunOptions {
  /** What every approval step is taken to decide. */
  approvals: 'approved' | 'rejected' | 'timed_out';
}

/** What a step would have done, in a dry run. */
export interface Intention {
  kind: string;
  /** One line a person reads, e.g. "Create task \"Call\" for Riley Rep, due 2026-11-24". */
  summary: string;
  details: Record<string, unknown>;
}

/** Record patches a dry run's earlier steps would have made, by `type:id`, for later steps to see. */
export type DryRunOverlay = Record<string, Record<string, unknown>>;

/** One visit of one step in a run, as the run's detail page shows it. Times are workflow time. */
export interface StepTrail {
  stepId: string;
  type: string;
  status: 'running' | 'completed' | 'failed';
  startedAt: string;
  finishedAt?: string;
  error?: { code: string; message: string };
  /** Dry runs only: what the step would have done, and its output. */
  intentions?: Intention[];
  output?: Record<string, unknown>;
}

export interface RunDefinitionResult {
  status: 'completed' | 'failed';
  /** Ids of the steps visited, in order: the path the run took. */
  stepsRun: string[];
  error?: { code: string; message: string; stepId: string };
  /** Dry runs only: each visit with its intentions. */
  trail?: StepTrail[];
}

/** What the run-status query answers while a run is in flight. */
export interface RunStatusView {
  status: RunStatus;
  trail: StepTrail[];
}

/** Query name of the interpreter's live status. */
export const RUN_STATUS_QUERY = 'runStatus';

/** The data a step sees: the triggering record and the outputs of the steps before it. */
export interface StepContext {
  record: { type: EntityType; id: string };
  steps: Record<string, Record<string, unknown>>;
}

export interface RunStepInput {
  origin: RunOrigin;
  stepId: string;
  type: string;
  config: Record<string, unknown>;
  context: StepContext;
  /** Run id + step id: every writing activity is keyed by it so a redelivered activity writes once. */
  idempotencyKey: string;
  /** Dry run: run the step against the overlay, record what it would write, and write nothing. */
  dryRun?: { overlay: DryRunOverlay };
}

export interface RunStepOutput {
  output: Record<string, unknown>;
  /** Dry runs only. */
  intentions?: Intention[];
}

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled';

export interface RecordRunStatusInput {
  runId: string;
  origin: RunOrigin;
  eventId: string;
  record: RunDefinitionInput['record'];
  status: RunStatus;
  trail: StepTrail[];
  error?: RunDefinitionResult['error'];
}

/** One activity per activity type, registered under the type's name (`create_task`, …). */
export type StepActivity = (input: RunStepInput) => Promise<RunStepOutput>;

/** The engine's own activities, beside the step activities. */
export interface BookkeepingActivities {
  recordRunStatus(input: RecordRunStatusInput): Promise<void>;
  /** The triggering record's current fields, for evaluating transition conditions. */
  readRecord(record: RunDefinitionInput['record'], overlay?: DryRunOverlay): Promise<Record<string, unknown>>;
  /** Resolves a stage's approvers, stores the request and tells them; idempotent on its id. */
  openApproval(input: OpenApprovalInput): Promise<OpenApprovalOutput>;
  /**
   * Mirrors the request as the run holds it (decisions, status) into the approvals table, and
   * tells anyone newly asked (a delegate, a manager it climbed to) and the requester once decided.
   */
  recordApproval(state: ApprovalState): Promise<void>;
  /** Each given user's manager: their own, else their team's; null at the top of the chain. */
  findManagers(input: { approvalId: string; userIds: string[] }): Promise<Record<string, string | null>>;
}

export const BOOKKEEPING_ACTIVITY_NAMES: ReadonlyArray<keyof BookkeepingActivities> = [
  'recordRunStatus',
  'readRecord',
  'openApproval',
  'recordApproval',
  'findManagers',
];

export type EngineActivities = BookkeepingActivities &
  Record<string, StepActivity | BookkeepingActivities[keyof BookkeepingActivities]>;
