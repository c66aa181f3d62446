export { ENGINE_TASK_QUEUE, WORKFLOW_TYPES } from './task-queues';
export {
  DEFINITION_SCHEMA_VERSION,
  ENTITY_TYPES,
  RECORD_EVENTS,
  dateOffsetSchema,
  reenrollSchema,
  jsonLogicSchema,
  positionSchema,
  recordTriggerSchema,
  retryPolicySchema,
  stepSchema,
  transitionSchema,
  triggerSchema,
  workflowDefinitionSchema,
} from './definition';
export type {
  DateOffset,
  Reenroll,
  EntityType,
  RecordEvent,
  RecordTrigger,
  RetryPolicy,
  Position,
  Step,
  Transition,
  Trigger,
  WorkflowDefinition,
} from './definition';
export { BOOKKEEPING_ACTIVITY_NAMES, RUN_STATUS_QUERY } from './run';
export type {
  BookkeepingActivities,
  EngineActivities,
  StepActivity,
  DryRunOptions,
  DryRunOverlay,
  Intention,
  RunDefinitionInput,
  RunDefinitionResult,
  RecordRunStatusInput,
  RunOrigin,
  RunStatus,
  RunStatusView,
  StepTrail,
  RunStepInput,
  RunStepOutput,
  StepContext,
} from './run';
export {
  CONTROL_STEP_CONFIG_SCHEMAS,
  CONTROL_STEP_TYPES,
  DELAY_UNITS,
  RECORD_CHANGED_SIGNAL,
  WAIT_STEP_TYPES,
  delayMilliseconds,
  isControlStepType,
} from './control-steps';
export type { ControlStepType, DelayConfig, WaitForConfig } from './control-steps';
export { ENTITY_FIELDS, conditionSchemaFor } from './entity-fields';
export {
  APPROVAL_TIMEOUT_UNITS,
  APPROVAL_UPDATE,
  approvalConfigSchema,
  approvalStageSchema,
  approverSchema,
} from './approval';
export type {
  ApprovalActionInput,
  ApprovalActionKind,
  ApprovalConfig,
  ApprovalDecision,
  ApprovalMode,
  ApprovalState,
  ApprovalStatus,
  ApprovalStepOutput,
  ApproverSlot,
  ApproverSpec,
  OpenApprovalInput,
  OpenApprovalOutput,
} from './approval';
