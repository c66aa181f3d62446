import type { EntityType } from '@baton/contracts';
import type { EditorEdge } from '@baton/rule-builder-core';
import { useId, type Dispatch } from 'react';
import type { Problem } from '../model/diagnostics';
import type { EditorAction } from '../model/editor-state';
import { ConditionEditor } from './ConditionEditor';

/** The selected arrow: its label and the condition under which the run follows it. */
export function EdgeInspector({
  edge,
  entities,
  problems,
  dispatch,
}: {
  edge: EditorEdge;
  /** Entities whose triggers lead to the arrow: its condition reads their fields. */
  entities: readonly EntityType[];
  problems: readonly Problem[];
  dispatch: Dispatch<EditorAction>;
}) {
  const labelId = useId();
  const update = (patch: Partial<Pick<EditorEdge, 'label' | 'condition'>>, field: string) =>
    dispatch({ type: 'update-edge', edgeId: edge.id, patch, coalesceKey: `${edge.id}:${field}` });
  return (
    <div className="rb-inspector" data-testid="edge-inspector" data-edge-id={edge.id}>
      <h3 className="rb-panel__heading">Arrow</h3>
      <p className="rb-muted">
        From <code>{edge.source}</code> to <code>{edge.target}</code>
      </p>
      <div className="rb-field">
        <label className="rb-label" htmlFor={labelId}>
          Label
        </label>
        <input
          id={labelId}
          className="rb-input"
          value={edge.label ?? ''}
          maxLength={100}
          onChange={(e) => update({ label: e.target.value === '' ? undefined : e.target.value }, 'label')}
        />
      </div>
      <ConditionEditor
        label="Follow when"
        entities={entities}
        value={edge.condition}
        onChange={(condition) => update({ condition }, 'condition')}
        help="Leave empty to make this the default path. Conditional arrows are tried in the order they were drawn."
        errors={problems.filter((p) => p.path?.includes('/condition')).map((p) => p.message)}
      />
      <button
        type="button"
        className="rb-button rb-button--danger"
        onClick={() => dispatch({ type: 'delete', nodeIds: [], edgeIds: [edge.id] })}
      >
        Delete arrow
      </button>
    </div>
  );
}
