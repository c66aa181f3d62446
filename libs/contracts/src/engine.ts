// What workflow code needs from the contracts, without zod: the worker bundles workflow code into
// Temporal's sandbox, which evaluates the bundle's modules for every run; building the zod schemas
// there cost a quarter of the workflow thread's time. Import from `@baton/contracts/engine`.
export { APPROVAL_UPDATE } from './approval-names';
export {
  CONTROL_STEP_TYPES,
  DELAY_UNITS,
  JOIN_MODES,
  MAX_CALL_DEPTH,
  RECORD_CHANGED_SIGNAL,
  WAIT_STEP_TYPES,
  delayMilliseconds,
  isControlStepType,
} from './control-step-names';
export type { ControlStepType, DelayUnit, JoinMode } from './control-step-names';
export { RUN_STATUS_QUERY } from './run';
export { SLOW_TASK_QUEUE } from './task-queues';
