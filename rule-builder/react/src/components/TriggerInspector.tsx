import { ENTITY_TYPES, RECORD_EVENTS, type EntityType, type RecordEvent } from '@baton/contracts';
import type { EditorGraph, EditorTriggerNode } from '@baton/rule-builder-core';
import { useId, useMemo, type Dispatch } from 'react';
import type { Problem } from '../model/diagnostics';
import type { EditorAction } from '../model/editor-state';
import { humanize } from '../model/labels';
import { ConnectControl } from './ConnectControl';
import { JsonField } from './JsonField';
import { NodeIdField } from './NodeIdField';

/** The selected trigger: which record event starts a run, and an optional condition on the record. */
export function TriggerInspector({
  graph,
  node,
  problems,
  dispatch,
}: {
  graph: EditorGraph;
  node: EditorTriggerNode;
  problems: readonly Problem[];
  dispatch: Dispatch<EditorAction>;
}) {
  const entityId = useId();
  const eventId = useId();
  const taken = useMemo(() => new Set(graph.nodes.map((n) => n.id)), [graph.nodes]);
  const conditionErrors = problems.filter((p) => p.path?.includes('/condition')).map((p) => p.message);
  const update = (patch: Partial<EditorTriggerNode['data']>, field?: string) =>
    dispatch({
      type: 'update-trigger',
      nodeId: node.id,
      patch,
      ...(field === undefined ? {} : { coalesceKey: `${node.id}:${field}` }),
    });

  return (
    <div className="rb-inspector" data-testid="trigger-inspector" data-node-id={node.id}>
      <h3 className="rb-panel__heading">Trigger</h3>
      <p className="rb-muted">A run starts each time this happens to a record.</p>
      <div className="rb-row">
        <div className="rb-field">
          <label className="rb-label" htmlFor={entityId}>
            Record
          </label>
          <select
            id={entityId}
            className="rb-input"
            value={node.data.entity}
            onChange={(e) => update({ entity: e.target.value as EntityType })}
          >
            {ENTITY_TYPES.map((entity) => (
              <option key={entity} value={entity}>
                {humanize(entity)}
              </option>
            ))}
          </select>
        </div>
        <div className="rb-field">
          <label className="rb-label" htmlFor={eventId}>
            Event
          </label>
          <select
            id={eventId}
            className="rb-input"
            value={node.data.event}
            onChange={(e) => update({ event: e.target.value as RecordEvent })}
          >
            {RECORD_EVENTS.map((event) => (
              <option key={event} value={event}>
                {humanize(event)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <NodeIdField
        id={node.id}
        taken={taken}
        onRename={(to) => dispatch({ type: 'rename-node', from: node.id, to })}
      />
      <JsonField
        label="Only when (JSON Logic)"
        value={node.data.condition}
        onChange={(condition) => update({ condition }, 'condition')}
        help={`Leave empty to start on every ${node.data.entity}. Example: {">=": [{"var": "${node.data.entity}.score"}, 80]}`}
        errors={conditionErrors}
      />
      <ConnectControl graph={graph} from={node.id} dispatch={dispatch} />
      <button
        type="button"
        className="rb-button rb-button--danger"
        onClick={() => dispatch({ type: 'delete', nodeIds: [node.id], edgeIds: [] })}
      >
        Delete trigger
      </button>
    </div>
  );
}
