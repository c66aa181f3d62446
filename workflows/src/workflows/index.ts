// The worker bundles this file and everything it imports into Temporal's deterministic sandbox.
export { runDefinitionWorkflow, runStatusQuery } from './run-definition.workflow';
export { referenceHandoffWorkflow } from './reference-handoff.workflow';
export { scheduledSweepWorkflow } from './scheduled-sweep.workflow';
export { retentionSweepWorkflow } from './retention-sweep.workflow';
export { campaignSendWorkflow } from './campaign-send.workflow';
