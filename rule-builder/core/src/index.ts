export type {
  CampaignTriggerNodeData,
  EditorEdge,
  EditorGraph,
  EditorNode,
  EditorStepNode,
  EditorTriggerNode,
  RecordTriggerNodeData,
  ScheduleTriggerNodeData,
  StepNodeData,
  TriggerNodeData,
  WebhookTriggerNodeData,
} from './graph';
export { graphToDefinition } from './graph-to-definition';
export { definitionToGraph } from './definition-to-graph';
export { autoLayout, LAYOUT_COLUMN_WIDTH, LAYOUT_ROW_HEIGHT } from './auto-layout';
export { exportDefinition } from './export-definition';
export { parseDefinition } from './parse-definition';
export type { ParseResult } from './parse-definition';
export { CONTROL_STEP_ENTRIES, createStepCatalog } from './step-catalog';
export type { ConfigIssue, StepCatalog, StepCatalogEntry, StepDescriptor, StepKind } from './step-catalog';
export { DIAGNOSTIC_CODES, ERROR_CODES, WARNING_CODES } from './diagnostics';
export type { Diagnostic, DiagnosticCode, ErrorCode, ValidationReport, WarningCode } from './diagnostics';
export { validateDefinition } from './validate/validate-definition';
export type { DefinitionValidationOptions } from './validate/validate-definition';
export type { EntitySchema } from './validate/conditions';
export { validateGraph } from './validate/validate-graph';
export { diffDefinitions } from './diff/diff-definitions';
export type { DefinitionDiff, DiffOptions, EntryChange, FieldChange } from './diff/definition-diff';
