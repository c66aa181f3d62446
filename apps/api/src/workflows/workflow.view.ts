import type { Workflow } from './workflow.entity';
import type { WorkflowVersion } from './workflow-version.entity';

export function versionSummary(version: WorkflowVersion) {
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    note: version.note,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    createdAt: version.createdAt.toISOString(),
  };
}

export function workflowView(workflow: Workflow, versions: WorkflowVersion[]) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const active = sorted.find((v) => v.id === workflow.activeVersionId);
  return {
    id: workflow.id,
    key: workflow.key,
    name: workflow.name,
    entity: workflow.entity,
    ownerId: workflow.ownerId,
    archived: workflow.archived,
    activeVersion: active ? versionSummary(active) : null,
    versions: sorted.map(versionSummary),
  };
}
