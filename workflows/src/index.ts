export { createEngineWorker, createSlowStepWorker } from './worker';
export type { EngineWorkerOptions } from './worker';
export { nextStepId } from './workflows/next-step';
