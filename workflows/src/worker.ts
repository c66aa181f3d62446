import { NativeConnection, Worker, type WorkerInterceptors } from '@temporalio/worker';
import { ENGINE_TASK_QUEUE, SLOW_TASK_QUEUE, type EngineActivities } from '@baton/contracts';

export interface EngineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: EngineActivities;
  taskQueue?: string;
  /** Step activities run at once; each holds a database connection for its transaction. */
  maxConcurrentActivities?: number;
  /** On shutdown, how long activities in flight get to finish before they are cancelled. */
  shutdownGraceMs?: number;
  interceptors?: WorkerInterceptors;
}

/** Creates (does not run) the worker that executes interpreter workflows and step activities. */
export async function createEngineWorker(options: EngineWorkerOptions): Promise<Worker> {
  const concurrency = options.maxConcurrentActivities ?? 8;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? ENGINE_TASK_QUEUE,
    workflowsPath: require.resolve('./workflows'),
    activities: options.activities,
    maxConcurrentActivityTaskExecutions: concurrency,
    // Short steps run as local activities; they hold database connections just the same.
    maxConcurrentLocalActivityExecutions: concurrency,
    shutdownGraceTime: options.shutdownGraceMs ?? 0,
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
  });
}

/**
 * Creates the activity-only worker for slow steps (webhooks, email), which the interpreter
 * schedules on their own queue so that a slow receiver cannot take every slot from CRM steps.
 */
export async function createSlowStepWorker(options: EngineWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? SLOW_TASK_QUEUE,
    activities: options.activities,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities ?? 4,
    shutdownGraceTime: options.shutdownGraceMs ?? 0,
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
  });
}
