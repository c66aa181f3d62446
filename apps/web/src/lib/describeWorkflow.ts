import { humanize } from '@baton/rule-builder-react';
import type { VersionSummary, WorkflowView } from '../api/workflows';
import { describeTriggers } from './describeTrigger';

/** "Lead created (with a condition)", "Every day at 08:00": the triggers of the version the row describes. */
export function triggerSummary(workflow: WorkflowView): string {
  if (!workflow.triggers) return `${humanize(workflow.entity)} events`;
  if (workflow.triggers.length === 0) return 'No trigger';
  return describeTriggers(workflow.triggers).join(', ');
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
