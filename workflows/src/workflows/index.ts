// The worker bundles this file and everything it imports into Temporal's deterministic sandbox.
export { runDefinitionWorkflow } from './run-definition.workflow';
