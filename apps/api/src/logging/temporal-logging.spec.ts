import { currentLogContext } from './log-context';
import { activityLogContext } from './temporal-logging';

describe('activityLogContext', () => {
  it("runs each activity with its run's ids in the log context", async () => {
    const ctx = {
      info: {
        activityType: 'create_task',
        workflowExecution: { workflowId: 'run-wf-1-ev-1', runId: 'temporal-run-1' },
      },
    } as unknown as Parameters<typeof activityLogContext>[0];
    const { inbound } = activityLogContext(ctx);
    const seen = await inbound!.execute!({ args: [], headers: {} }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentLogContext();
    });
    expect(seen).toEqual({
      runId: 'run-wf-1-ev-1',
      temporalRunId: 'temporal-run-1',
      activity: 'create_task',
    });
    expect(currentLogContext()).toBeUndefined();
  });
});
