export { createEngineWorker, createSlowStepWorker } from './worker';
export type { EngineWorkerOptions } from './worker';
export { nextStepId } from './workflows/next-step';
export type {
  EnforceRetentionInput,
  EnforceRetentionResult,
  RetentionActivities,
  RetentionSweepInput,
  RetentionSweepResult,
} from './workflows/retention-sweep.workflow';
