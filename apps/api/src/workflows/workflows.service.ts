import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordTrigger } from '@baton/contracts';
import { Workflow } from './workflow.entity';
import { WorkflowVersion } from './workflow-version.entity';

export interface TriggeredVersion {
  workflow: Workflow;
  version: WorkflowVersion;
  trigger: RecordTrigger;
}

@Injectable()
export class WorkflowsService {
  /** Published versions with a trigger on this entity event; the partial index keeps this cheap. */
  async findTriggered(em: EntityManager, entity: string, event: string): Promise<TriggeredVersion[]> {
    const workflows = await em.find(Workflow, { entity, archived: false, activeVersionId: { $ne: null } });
    if (workflows.length === 0) return [];
    const versions = await em.find(WorkflowVersion, { id: { $in: workflows.map((w) => w.activeVersionId!) } });
    const byId = new Map(versions.map((v) => [v.id, v]));
    const matches: TriggeredVersion[] = [];
    for (const workflow of workflows) {
      const version = byId.get(workflow.activeVersionId!);
      if (!version) continue;
      for (const trigger of version.definition.triggers) {
        if (trigger.kind === 'record' && trigger.entity === entity && trigger.event === event) {
          matches.push({ workflow, version, trigger });
        }
      }
    }
    return matches;
  }
}
