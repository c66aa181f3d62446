/** The queue the interpreter workflow and the CRM-facing step activities are polled on. */
export const ENGINE_TASK_QUEUE = 'baton-engine';

/**
 * The queue for slow step activities (webhooks, email): a receiver that takes a minute to answer
 * holds a slot here, never one that CRM steps and workflow tasks need.
 */
export const SLOW_TASK_QUEUE = 'baton-engine-slow';

/**
 * A step allowed longer than this (its own or its type's timeout) is slow: it runs as an ordinary
 * activity on {@link SLOW_TASK_QUEUE}. The interpreter runs shorter steps as local activities.
 */
export const SLOW_STEP_SECONDS = 30;

/** What the API adds to a step of a run's definition: the task queue its activity is scheduled on. */
export interface StepRouting {
  taskQueue?: string;
}

/** Temporal workflow type names, shared by the dispatcher (which starts them) and the worker. */
export const WORKFLOW_TYPES = {
  runDefinition: 'runDefinitionWorkflow',
  /** Hand-written lead handoff, the yardstick of `npm run bench:engine`. */
  referenceHandoff: 'referenceHandoffWorkflow',
  /** One tick of a schedule trigger, started by its Temporal Schedule. */
  scheduledSweep: 'scheduledSweepWorkflow',
  /** Sends one email campaign, batch by batch. */
  campaignSend: 'campaignSendWorkflow',
} as const;
