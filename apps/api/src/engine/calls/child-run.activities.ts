import type { MikroORM } from '@mikro-orm/postgresql';
import type { ActivityRegistry } from '@baton/activity-sdk';
import type { ChildRunRequest, RunDefinitionInput } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { evaluateRule, truthy } from '@baton/rules';
import { Workflow } from '../../workflows/workflow.entity';
import { WorkflowRun } from '../../workflows/workflow-run.entity';
import { WorkflowVersion } from '../../workflows/workflow-version.entity';
import { withActivityDefaults } from '../activity-defaults';
import { MikroCrmGateway } from '../crm-gateway';
import { RELATIONS, relationNames } from './relations';

type RecordRef = RunDefinitionInput['record'];

/** Bookkeeping for `call_workflow` and `for_each`: finding the called workflow and related records. */
export class ChildRunActivities {
  constructor(
    private readonly orm: MikroORM,
    private readonly registry: ActivityRegistry,
  ) {}

  async prepareChildRun(request: ChildRunRequest): Promise<RunDefinitionInput> {
    const em = this.orm.em.fork();
    const { parent, record, workflowKey, childRunId } = request;
    const workflow = await em.findOne(Workflow, { key: workflowKey });
    if (!workflow || workflow.archived || !workflow.activeVersionId) {
      throw new BatonError('WORKFLOW_NOT_CALLABLE', `Workflow "${workflowKey}" is not published`, {
        workflow: workflowKey,
      });
    }
    const version = await em.findOneOrFail(WorkflowVersion, { id: workflow.activeVersionId });
    // The called workflow starts where its trigger on this kind of record starts it.
    const trigger = version.definition.triggers.find((t) => t.entity === record.type);
    if (!trigger) {
      throw new BatonError(
        'WORKFLOW_NOT_CALLABLE',
        `Workflow "${workflowKey}" has no trigger on ${record.type} records, so it cannot run on one`,
        { workflow: workflowKey, entity: record.type },
      );
    }
    // Throws NOT_FOUND when the record is gone.
    await new MikroCrmGateway(em).getRecord(record);
    const input: RunDefinitionInput = {
      origin: {
        workflowId: workflow.id,
        workflowName: workflow.name,
        versionId: version.id,
        version: version.version,
        runId: childRunId,
      },
      definition: withActivityDefaults(version.definition, this.registry),
      triggerId: trigger.id,
      event: { ...parent.event, type: `${parent.origin.workflowName} called ${workflow.name}` },
      record,
      ...(parent.historyLimit === undefined ? {} : { historyLimit: parent.historyLimit }),
    };
    // A retried parent starts the same child again: its row goes back to running.
    await em.upsert(
      WorkflowRun,
      {
        id: childRunId,
        workflowId: workflow.id,
        versionId: version.id,
        version: version.version,
        eventId: parent.event.id,
        recordType: record.type,
        recordId: record.id,
        parentRunId: parent.origin.runId,
        status: 'running',
        trail: [],
        error: null,
        startedAt: new Date(),
        finishedAt: null,
      },
      {
        onConflictFields: ['id'],
        onConflictMergeFields: ['status', 'trail', 'error', 'startedAt', 'finishedAt'],
      },
    );
    return input;
  }

  async listRelated(input: {
    record: RecordRef;
    relation: string;
    where?: unknown;
    max: number;
  }): Promise<RecordRef[]> {
    const relation = RELATIONS[input.record.type]?.[input.relation];
    if (!relation) {
      const known = relationNames(input.record.type);
      throw new BatonError(
        'DEFINITION_INVALID',
        `A ${input.record.type} has no related "${input.relation}"${known.length ? ` (it has ${known.join(', ')})` : ''}`,
        { relation: input.relation, known },
      );
    }
    const em = this.orm.em.fork();
    const related = (await relation.ids(em, input.record.id, input.max)).map((id) => ({
      type: relation.type,
      id,
    }));
    if (input.where === undefined) return related;
    const crm = new MikroCrmGateway(em);
    const kept: RecordRef[] = [];
    for (const ref of related) {
      const { fields } = await crm.getRecord(ref);
      if (truthy(evaluateRule(input.where, { [ref.type]: fields }, { now: Date.now() }))) kept.push(ref);
    }
    return kept;
  }
}
