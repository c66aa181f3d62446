export { ENGINE_TASK_QUEUE, WORKFLOW_TYPES } from './task-queues';
export {
  DEFINITION_SCHEMA_VERSION,
  ENTITY_TYPES,
  RECORD_EVENTS,
  jsonLogicSchema,
  recordTriggerSchema,
  retryPolicySchema,
  stepSchema,
  transitionSchema,
  triggerSchema,
  workflowDefinitionSchema,
} from './definition';
export type {
  EntityType,
  RecordEvent,
  RecordTrigger,
  RetryPolicy,
  Step,
  Transition,
  Trigger,
  WorkflowDefinition,
} from './definition';
export type {
  EngineActivities,
  RunDefinitionInput,
  RunDefinitionResult,
  RecordRunStatusInput,
  RunOrigin,
  RunStatus,
  RunStepInput,
  RunStepOutput,
  StepContext,
} from './run';
