import { NativeConnection, Worker } from '@temporalio/worker';
import { ENGINE_TASK_QUEUE, type EngineActivities } from '@baton/contracts';

export interface EngineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: EngineActivities;
  taskQueue?: string;
  /** Step activities run at once; each holds a database connection for its transaction. */
  maxConcurrentActivities?: number;
}

/** Creates (does not run) the worker that executes interpreter workflows and step activities. */
export async function createEngineWorker(options: EngineWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? ENGINE_TASK_QUEUE,
    workflowsPath: require.resolve('./workflows'),
    activities: options.activities,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities ?? 8,
  });
}
