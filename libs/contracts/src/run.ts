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
  event: { id: string; type: string; occurredAt: string };
  record: { type: EntityType; id: string };
}

export interface RunDefinitionResult {
  status: 'completed' | 'failed';
  stepsRun: string[];
  error?: { code: string; message: string; stepId: string };
}

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
}

export interface RunStepOutput {
  output: Record<string, unknown>;
}

export type RunStatus = 'running' | 'completed' | 'failed';

export interface RecordRunStatusInput {
  runId: string;
  origin: RunOrigin;
  eventId: string;
  record: RunDefinitionInput['record'];
  status: RunStatus;
  stepsRun: string[];
  error?: RunDefinitionResult['error'];
}

/** Activities the interpreter workflow calls. Implemented by the worker host. */
export interface EngineActivities {
  runStep(input: RunStepInput): Promise<RunStepOutput>;
  recordRunStatus(input: RecordRunStatusInput): Promise<void>;
}
