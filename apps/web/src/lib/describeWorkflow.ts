import type { WorkflowDefinition } from '@baton/contracts';
import { humanize } from '@baton/rule-builder-react';
import type { VersionSummary, WorkflowView } from '../api/workflows';
import { describeTriggers } from './describeTrigger';

/** "Lead created (with a condition)", "Every day at 08:00", or the record type while the definition is loading. */
export function triggerSummary(workflow: WorkflowView, definition: WorkflowDefinition | undefined): string {
  if (!definition) return `${humanize(workflow.entity)} events`;
  if (definition.triggers.length === 0) return 'No trigger';
  return describeTriggers(definition.triggers).join(', ');
}

/** The newest version when it is a draft: changes that are saved but not live. */
export function pendingDraft(workflow: WorkflowView): VersionSummary | null {
  const latest = workflow.versions[0];
  return latest && latest.status === 'draft' ? latest : null;
}

/** What the editor's header says about the saved versions. */
export function versionStatus(workflow: WorkflowView | null): string {
  if (!workflow) return 'Not saved yet';
  const active = workflow.activeVersion ? `v${workflow.activeVersion.version} is live` : 'Not published';
  const draft = pendingDraft(workflow);
  return draft ? `${active} · draft v${draft.version} saved` : active;
}
