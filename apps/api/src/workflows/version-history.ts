import { diffDefinitions } from '@baton/rule-builder-core';
import type { AuditEntry } from '../audit/audit-entry.entity';
import type { VersionHistoryItem, VersionState } from './workflow-history.dto';
import type { Workflow } from './workflow.entity';
import type { WorkflowVersion } from './workflow-version.entity';

/** Audit actions that make a version; each names the version it made in `after.version`. */
export const VERSION_MADE_ACTIONS = [
  'workflow.created',
  'workflow.version_added',
  'workflow.version_restored',
] as const;
export const VERSION_PUBLISHED_ACTION = 'workflow.version_published';

interface VersionFacts {
  version?: unknown;
  restoredFrom?: unknown;
}

const facts = (entry: AuditEntry): VersionFacts =>
  entry.after !== null && typeof entry.after === 'object' ? entry.after : {};

const person = (entry: AuditEntry | undefined) =>
  entry?.actor ? { id: entry.actor.id, name: entry.actor.name } : null;

function stateOf(workflow: Workflow, version: WorkflowVersion): VersionState {
  if (version.status === 'draft') return 'draft';
  return version.id === workflow.activeVersionId ? 'active' : 'superseded';
}

/**
 * Every version of a workflow, newest first, with who made and published it (read from the audit
 * log, which records both in the same transaction) and how many changes it made to the one before.
 */
export function versionHistory(
  workflow: Workflow,
  versions: readonly WorkflowVersion[],
  entries: readonly AuditEntry[],
) {
  const made = new Map<number, AuditEntry>();
  const published = new Map<number, AuditEntry>();
  for (const entry of entries) {
    const { version } = facts(entry);
    if (typeof version !== 'number') continue;
    if (entry.action === VERSION_PUBLISHED_ACTION) published.set(version, entry);
    else if ((VERSION_MADE_ACTIONS as readonly string[]).includes(entry.action)) made.set(version, entry);
  }
  const byNumber = new Map(versions.map((v) => [v.version, v]));
  const items = [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v): VersionHistoryItem => {
      const previous = byNumber.get(v.version - 1);
      const madeBy = made.get(v.version);
      const restoredFrom = madeBy ? facts(madeBy).restoredFrom : undefined;
      return {
        id: v.id,
        version: v.version,
        status: v.status,
        state: stateOf(workflow, v),
        note: v.note,
        createdAt: v.createdAt.toISOString(),
        createdBy: person(madeBy),
        publishedAt: v.publishedAt?.toISOString() ?? null,
        publishedBy: person(published.get(v.version)),
        restoredFrom: typeof restoredFrom === 'number' ? restoredFrom : null,
        changes: previous ? diffDefinitions(previous.definition, v.definition).changeCount : null,
      };
    });
  const active = versions.find((v) => v.id === workflow.activeVersionId);
  return { workflowId: workflow.id, activeVersion: active?.version ?? null, items };
}
