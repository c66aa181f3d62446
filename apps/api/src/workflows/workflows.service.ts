import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordTrigger } from '@baton/contracts';
import { createTriggerIndex, type TriggerIndex } from '@baton/rules';
import { MikroCrmGateway } from '../engine/crm-gateway';
import type { Changes } from '../outbox/changes';
import { Workflow } from './workflow.entity';
import { WorkflowVersion } from './workflow-version.entity';

export interface TriggeredVersion {
  workflow: Workflow;
  version: WorkflowVersion;
  trigger: RecordTrigger;
}

interface PublishedTriggers {
  stamp: string;
  index: TriggerIndex;
  byKey: Map<string, { workflowId: string; versionId: string; trigger: RecordTrigger }>;
}

// A field trigger's optional from/to values must equal the change's (compared as JSON).
function changeMatches(trigger: RecordTrigger, changes: Changes): boolean {
  if (trigger.field === undefined) return true;
  const change = changes[trigger.field];
  if (!change) return false;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    (trigger.from === undefined || same(change.from, trigger.from)) &&
    (trigger.to === undefined || same(change.to, trigger.to))
  );
}

@Injectable()
export class WorkflowsService {
  private readonly logger = new Logger('triggers');
  private published?: PublishedTriggers;

  /**
   * Published versions whose trigger fires for this event. Triggers are held in an index by entity
   * and event with their conditions compiled once; it is rebuilt only when the set of published
   * versions changes (checked with one cheap query, so every replica sees a publish at once).
   */
  async findTriggered(
    em: EntityManager,
    entity: string,
    event: string,
    recordId: string,
    changes: Changes = {},
  ): Promise<TriggeredVersion[]> {
    const published = this.published ?? (await this.refresh(em));
    if (published.index.size === 0) return [];
    const fields = await this.recordFields(em, entity, recordId);
    const keys = published.index.match(
      { entity, event, changedFields: Object.keys(changes), record: { [entity]: fields, steps: {} } },
      { now: new Date() },
    );
    const hits = keys.map((k) => published.byKey.get(k)!).filter((h) => changeMatches(h.trigger, changes));
    if (hits.length === 0) return [];
    const workflows = new Map(
      (await em.find(Workflow, { id: { $in: hits.map((h) => h.workflowId) } })).map((w) => [w.id, w]),
    );
    const versions = new Map(
      (await em.find(WorkflowVersion, { id: { $in: hits.map((h) => h.versionId) } })).map((v) => [v.id, v]),
    );
    return hits.flatMap((h) => {
      const workflow = workflows.get(h.workflowId);
      const version = versions.get(h.versionId);
      return workflow && version ? [{ workflow, version, trigger: h.trigger }] : [];
    });
  }

  /** Re-reads the published triggers if they changed; the dispatcher calls it once per pass. */
  async refresh(em: EntityManager): Promise<PublishedTriggers> {
    const [row] = await em.execute<Array<{ stamp: string | null }>>(
      `select md5(string_agg(id::text || ':' || active_version_id::text, ',' order by id)) as stamp from workflows where active_version_id is not null and not archived`,
    );
    const stamp = row?.stamp ?? 'none';
    if (this.published?.stamp === stamp) return this.published;

    const workflows = await em.find(Workflow, { archived: false, activeVersionId: { $ne: null } });
    const versions = await em.find(WorkflowVersion, {
      id: { $in: workflows.map((w) => w.activeVersionId!) },
    });
    const byKey: PublishedTriggers['byKey'] = new Map();
    for (const version of versions) {
      for (const trigger of version.definition.triggers) {
        // Schedule and webhook triggers are not fired by record events: their own services start them.
        if (trigger.kind !== 'record') continue;
        byKey.set(`${version.id}/${trigger.id}`, {
          workflowId: version.workflow.id,
          versionId: version.id,
          trigger,
        });
      }
    }
    const index = createTriggerIndex(
      [...byKey].map(([id, { trigger }]) => ({
        id,
        entity: trigger.entity,
        event: trigger.event,
        ...(trigger.field === undefined ? {} : { field: trigger.field }),
        condition: trigger.condition,
      })),
      {
        onError: (id, error) =>
          this.logger.warn(
            `trigger ${id} condition failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
      },
    );
    this.published = { stamp, index, byKey };
    return this.published;
  }

  private async recordFields(
    em: EntityManager,
    entity: string,
    id: string,
  ): Promise<Record<string, unknown>> {
    try {
      return (await new MikroCrmGateway(em).getRecord({ type: entity, id })).fields;
    } catch {
      // A record deleted before dispatch still fires unconditional triggers; conditions see no fields.
      return {};
    }
  }
}
