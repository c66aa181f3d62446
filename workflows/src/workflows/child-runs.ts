import { ApplicationFailure, executeChild, proxyActivities, startChild } from '@temporalio/workflow';
import { MAX_CALL_DEPTH } from '@baton/contracts/engine';
import type {
  BookkeepingActivities,
  CallWorkflowConfig,
  ForEachConfig,
  Intention,
  RunDefinitionInput,
  RunDefinitionResult,
} from '@baton/contracts';

const bookkeeping = proxyActivities<BookkeepingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumInterval: '30 seconds', nonRetryableErrorTypes: ['BatonUserError'] },
});

type RecordRef = RunDefinitionInput['record'];

function fail(code: string, message: string): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true, details: [{ code }] });
}

/** Reads `steps.x.recordId` (the path the config names) out of the outputs so far. */
function pathValue(steps: Record<string, unknown>, path: string): unknown {
  const [, ...parts] = path.split('.');
  let value: unknown = steps;
  for (const part of parts) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Sub-workflows: `call_workflow` runs another published workflow as a Temporal child run, and
 * `for_each` runs one per related record. Child ids derive from the parent's run, step and visit,
 * so a replayed or retried parent finds its children instead of starting them twice.
 */
export class ChildRuns {
  constructor(
    private readonly input: RunDefinitionInput,
    private readonly runId: string,
  ) {}

  private get depth(): number {
    return (this.input.parent?.depth ?? 0) + 1;
  }

  async call(
    stepId: string,
    visit: number,
    config: CallWorkflowConfig,
    steps: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const record = this.target(config, steps);
    const child = await this.prepare(stepId, `${this.runId}:${stepId}:${visit}`, config.workflow, record);
    if (config.wait === false) {
      // The child outlives this run if this one ends first: it was asked for, not supervised.
      await startChild('runDefinitionWorkflow', {
        workflowId: child.origin.runId,
        args: [child],
        parentClosePolicy: 'ABANDON',
      });
      return { runId: child.origin.runId, status: 'started' };
    }
    const result = await this.execute(child);
    if (result.status === 'failed') {
      fail(
        'SUBWORKFLOW_FAILED',
        `Workflow ${config.workflow} failed at ${result.error?.stepId}: ${result.error?.message}`,
      );
    }
    return { runId: child.origin.runId, status: result.status, path: result.stepsRun };
  }

  async forEach(stepId: string, visit: number, config: ForEachConfig): Promise<Record<string, unknown>> {
    const related = await bookkeeping.listRelated({
      record: this.input.record,
      relation: config.relation,
      ...(config.where === undefined ? {} : { where: config.where }),
      max: config.max,
    });
    const runOne = async (record: RecordRef, index: number) => {
      const child = await this.prepare(
        stepId,
        `${this.runId}:${stepId}:${visit}:${index}`,
        config.workflow,
        record,
      );
      const result = await this.execute(child);
      return { runId: child.origin.runId, recordId: record.id, status: result.status };
    };
    const runs =
      config.mode === 'parallel'
        ? await Promise.all(related.map(runOne))
        : await related.reduce<Promise<Awaited<ReturnType<typeof runOne>>[]>>(
            async (done, record, index) => [...(await done), await runOne(record, index)],
            Promise.resolve([]),
          );
    const failed = runs.filter((r) => r.status === 'failed').length;
    return { count: runs.length, completed: runs.length - failed, failed, runs };
  }

  /** Dry runs call nothing: they say which workflow would run on which records. */
  async preview(
    type: 'call_workflow' | 'for_each',
    config: CallWorkflowConfig | ForEachConfig,
    steps: Record<string, unknown>,
  ): Promise<{ output: Record<string, unknown>; intentions: Intention[] }> {
    if (type === 'call_workflow') {
      const call = config as CallWorkflowConfig;
      const record = this.target(call, steps);
      const same = record.type === this.input.record.type && record.id === this.input.record.id;
      const on = same ? `this ${record.type}` : `${record.type} ${record.id}`;
      const summary = `Run workflow ${call.workflow} on ${on}${call.wait === false ? ', without waiting' : ''}`;
      return {
        output: { status: 'previewed' },
        intentions: [{ kind: 'call_workflow', summary, details: { ...config, record } }],
      };
    }
    const each = config as ForEachConfig;
    const related = await bookkeeping.listRelated({
      record: this.input.record,
      relation: each.relation,
      ...(each.where === undefined ? {} : { where: each.where }),
      max: each.max,
    });
    return {
      output: { count: related.length },
      intentions: related.map((record) => ({
        kind: 'call_workflow',
        summary: `Run workflow ${each.workflow} on ${record.type} ${record.id}`,
        details: { workflow: each.workflow, record },
      })),
    };
  }

  private target(config: CallWorkflowConfig, steps: Record<string, unknown>): RecordRef {
    if (!config.record) return this.input.record;
    const id = pathValue(steps, config.record.idFrom);
    if (typeof id !== 'string' || id.length === 0) {
      fail('RECORD_NOT_FOUND', `No record id at ${config.record.idFrom} for the called workflow`);
    }
    return { type: config.record.entity, id };
  }

  private async prepare(stepId: string, childRunId: string, workflowKey: string, record: RecordRef) {
    if (this.depth > MAX_CALL_DEPTH) {
      fail('SUBWORKFLOW_TOO_DEEP', `Workflows may call each other at most ${MAX_CALL_DEPTH} deep`);
    }
    const child = await bookkeeping.prepareChildRun({
      parent: this.input,
      stepId,
      childRunId,
      workflowKey,
      record,
    });
    return { ...child, parent: { runId: this.runId, stepId, depth: this.depth } };
  }

  private execute(child: RunDefinitionInput): Promise<RunDefinitionResult> {
    return executeChild('runDefinitionWorkflow', { workflowId: child.origin.runId, args: [child] });
  }
}
