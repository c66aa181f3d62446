/** The queue the interpreter workflow and the CRM-facing step activities are polled on. */
export const ENGINE_TASK_QUEUE = 'baton-engine';

/** Temporal workflow type names, shared by the dispatcher (which starts them) and the worker. */
export const WORKFLOW_TYPES = {
  runDefinition: 'runDefinitionWorkflow',
  /** Hand-written lead handoff, the yardstick of `npm run bench:engine`. */
  referenceHandoff: 'referenceHandoffWorkflow',
  /** One tick of a schedule trigger, started by its Temporal Schedule. */
  scheduledSweep: 'scheduledSweepWorkflow',
} as const;
