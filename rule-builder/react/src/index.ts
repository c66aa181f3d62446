// The public face of the editor: the framework-free model first, then the React components.
export type { ClipboardPayload } from './model/clipboard';
export {
  CLIPBOARD_FORMAT,
  copySelection,
  parseClipboard,
  pasteSelection,
  serializeClipboard,
} from './model/clipboard';
export { AUTOSAVE_DELAY_MS, autosaveDecision, autosaveStatus, clockTime } from './model/autosave';
export type { AutosaveDecision, AutosaveFacts, SaveOutcome } from './model/autosave';
export { checkConnection } from './model/connection';
export type { ConnectionCheck } from './model/connection';
export { configFieldProblems, EMPTY_PROBLEMS, mapDiagnostics, worstSeverity } from './model/diagnostics';
export type {
  EditorDiagnostic,
  EditorValidationReport,
  Problem,
  ProblemMap,
  Severity,
} from './model/diagnostics';
export {
  canRedo,
  canUndo,
  copyFromState,
  createEditorState,
  currentGraph,
  editorReducer,
} from './model/editor-state';
export type { EditorAction, EditorState, Selection, SelectionChange } from './model/editor-state';
export { EDITOR_ERROR_CODES } from './model/errors';
export type { EditorErrorCode, EditorNotice } from './model/errors';
export { freshId, keyFromName, slugId } from './model/ids';
export { defaultConfig, formFields } from './model/json-schema';
export { humanize, triggerKindLabel, triggerLabel } from './model/labels';
export { TRIGGER_KIND_OPTIONS, kindOf, switchTriggerKind } from './model/trigger-kinds';
export type { FormField, JsonSchema } from './model/json-schema';
export { DEFAULT_NODE_SIZE, layoutPositions } from './model/layout';
export type { LayoutOptions } from './model/layout';
export { paletteGroups, stepTypesFrom } from './model/step-types';
export type { ActivityTypesResponse, PaletteEntry, PaletteGroup, StepTypeInfo } from './model/step-types';
export { conditionText } from './model/condition-text';
export { describeDiff } from './model/describe-diff';
export type { ChangeLine, ChangeTone, DescribeContext } from './model/describe-diff';
export { diffMarks } from './model/diff-marks';
export type { DiffMark, DiffMarks } from './model/diff-marks';
export { VersionDiffCanvas } from './components/VersionDiffCanvas';
export type { VersionDiffCanvasProps } from './components/VersionDiffCanvas';
export { ConditionEditor } from './components/ConditionEditor';
export type { ConditionEditorProps } from './components/ConditionEditor';
// Pages that use the condition builder outside the workflow editor provide its services themselves.
export { ConditionServicesContext } from './components/ConditionServices';
export type {
  ConditionServices,
  ConditionTestRequest,
  ConditionTestResult,
  RecordChoice,
} from './components/ConditionServices';
export { conditionFields, entitiesReaching } from './model/condition-fields';
export type { ConditionField, ConditionFieldKind, FieldOptions } from './model/condition-fields';
export { CONDITION_OPERATORS, operatorsFor, readRule } from './model/condition-operators';
export type { ConditionOperator, OperatorId, ValueShape } from './model/condition-operators';
export { conditionToLogic, parseCondition } from './model/condition-tree';
export type {
  ConditionGroup,
  ConditionNode,
  ConditionRaw,
  ConditionRule,
  ConditionTree,
} from './model/condition-tree';
export { WorkflowEditor } from './components/WorkflowEditor';
export type { WorkflowEditorProps } from './components/WorkflowEditor';
export {
  EMPTY_OVERLAY,
  PATH_STATUS_LABELS,
  pathOverlay,
  visitsFromPath,
  visitsFromTrail,
} from './model/run-overlay';
export type { NodeOverlay, PathOverlay, PathVisit, TrailEntry, VisitStatus } from './model/run-overlay';
export { RunPathCanvas } from './components/RunPathCanvas';
export type { RunPathCanvasProps } from './components/RunPathCanvas';
