import type { BusinessHours } from '@baton/domain';
import type { ApprovalState, OpenApprovalInput, OpenApprovalOutput } from './approval';
import type { EntityType, WorkflowDefinition } from './definition';
import type { ScheduleActivities } from './schedule';
import type { CampaignActivities } from './campaign';

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
  /** What the trigger brought beside the record: a webhook's posted JSON as `trigger.payload`. */
  trigger?: TriggerData;
  /** A dry run: side effects become recorded intentions, waits are skipped, approvals assumed. */
  dryRun?: DryRunOptions;
  /** History events after which the run continues as new at its next step (default 10,000). */
  historyLimit?: number;
  /** Set on a run another run called (`call_workflow`, `for_each`): who called it, how deep. */
  parent?: { runId: string; stepId: string; depth: number };
  /** Set when a long run continued as new, or a failed run is retried: where it was and what it had done. */
  resume?: {
    stepId: string;
    steps: Record<string, Record<string, unknown>>;
    stepsRun: string[];
    trail: StepTrail[];
    /** A failed run resumed past its failed step: the step is passed over and the run goes on after it. */
    skip?: boolean;
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
  /** `cancelled`: a parallel path stopped because another reached the join first (or one failed). */
  status: 'running' | 'completed' | 'failed' | 'cancelled' | 'skipped';
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
  /** Failed runs: what a retry needs to pick up at the failed step. */
  resumable?: RunResumeState;
}

/** Where a failed run stood, so `POST /api/runs/:id/retry` can start again at the failed step. */
export interface RunResumeState {
  steps: Record<string, Record<string, unknown>>;
  /** The steps visited before the failed one. */
  stepsRun: string[];
  trail: StepTrail[];
  /** A step on one path of a parallel step: retrying it alone would lose the other paths. */
  inParallelPath: boolean;
}

/** A child run ready to start: its input, for `call_workflow` and `for_each`. */
export interface ChildRunRequest {
  parent: RunDefinitionInput;
  stepId: string;
  /** The child's Temporal workflow id, derived from the parent's run, step and visit. */
  childRunId: string;
  workflowKey: string;
  record: RunDefinitionInput['record'];
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
  /** Conditions and step configs read it as `trigger.payload…`. */
  trigger?: TriggerData;
}

/** Data a trigger hands to the run: for a webhook, the JSON it was posted. */
export interface TriggerData {
  payload?: unknown;
}

export interface RunStepInput {
  origin: RunOrigin;
  stepId: string;
  type: string;
  config: Record<string, unknown>;
  context: StepContext;
  /** Run id + step id: every writing activity is keyed by it so a redelivered activity writes once. */
  idempotencyKey: string;
  /** The definition's business hours, for steps that count business time (task due dates). */
  businessHours?: BusinessHours;
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
  /**
   * The called workflow's published version as a child run's input, its run stored as running
   * (idempotent on the child's id). Fails with WORKFLOW_NOT_CALLABLE when it is not published or has
   * no trigger on the record's entity type.
   */
  prepareChildRun(request: ChildRunRequest): Promise<RunDefinitionInput>;
  /** Records related to a record (e.g. an account's contacts), oldest first, filtered by `where`. */
  listRelated(input: {
    record: RunDefinitionInput['record'];
    relation: string;
    where?: unknown;
    max: number;
  }): Promise<RunDefinitionInput['record'][]>;
}

export const BOOKKEEPING_ACTIVITY_NAMES: ReadonlyArray<keyof BookkeepingActivities> = [
  'recordRunStatus',
  'readRecord',
  'openApproval',
  'recordApproval',
  'findManagers',
  'prepareChildRun',
  'listRelated',
];

export type EngineActivities = BookkeepingActivities &
  ScheduleActivities &
  CampaignActivities &
  Record<
    string,
    | StepActivity
    | BookkeepingActivities[keyof BookkeepingActivities]
    | ScheduleActivities[keyof ScheduleActivities]
    | CampaignActivities[keyof CampaignActivities]
  >;
