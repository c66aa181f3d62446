import {
  ENTITY_TYPES,
  RECORD_EVENTS,
  type EntityType,
  type RecordEvent,
  type TriggerKind,
} from '@baton/contracts';
import type { EditorGraph, EditorTriggerNode, TriggerNodeData } from '@baton/rule-builder-core';
import { useId, useMemo, type Dispatch } from 'react';
import type { Problem } from '../model/diagnostics';
import type { EditorAction } from '../model/editor-state';
import { humanize } from '../model/labels';
import { kindOf, switchTriggerKind, TRIGGER_KIND_OPTIONS } from '../model/trigger-kinds';
import { CampaignTriggerFields } from './CampaignTriggerFields';
import { ConnectControl } from './ConnectControl';
import { ConditionEditor } from './ConditionEditor';
import { FieldChangeFields } from './FieldChangeFields';
import { NodeIdField } from './NodeIdField';
import { ScheduleTriggerFields } from './ScheduleTriggerFields';
import { WebhookTriggerFields } from './WebhookTriggerFields';

const INTRO: Record<TriggerKind, string> = {
  record: 'A run starts each time this happens to a record.',
  schedule: 'On every tick, each record matching the condition starts a run.',
  webhook: 'A POST to the hook URL starts a run on the record it names.',
  campaign: 'An email campaign event starts a run on the contact the email went to.',
};

/**
 * The selected trigger: what starts a run (a record event, a schedule, a webhook or a campaign
 * email event) and on which records.
 */
export function TriggerInspector({
  graph,
  node,
  problems,
  dispatch,
  hookUrl,
}: {
  graph: EditorGraph;
  node: EditorTriggerNode;
  problems: readonly Problem[];
  dispatch: Dispatch<EditorAction>;
  hookUrl?: string;
}) {
  const kindId = useId();
  const entityId = useId();
  const eventId = useId();
  const taken = useMemo(() => new Set(graph.nodes.map((n) => n.id)), [graph.nodes]);
  const conditionErrors = problems.filter((p) => p.path?.includes('/condition')).map((p) => p.message);
  const { data } = node;
  const kind = kindOf(data);
  const update = (patch: Partial<TriggerNodeData>, field?: string) =>
    dispatch({
      type: 'update-trigger',
      nodeId: node.id,
      patch,
      ...(field === undefined ? {} : { coalesceKey: `${node.id}:${field}` }),
    });

  return (
    <div className="rb-inspector" data-testid="trigger-inspector" data-node-id={node.id}>
      <h3 className="rb-panel__heading">Trigger</h3>
      <p className="rb-muted">{INTRO[kind]}</p>
      <div className="rb-row">
        <div className="rb-field">
          <label className="rb-label" htmlFor={kindId}>
            Kind
          </label>
          <select
            id={kindId}
            className="rb-input"
            value={kind}
            onChange={(e) => update(switchTriggerKind(data, e.target.value as TriggerKind))}
          >
            {TRIGGER_KIND_OPTIONS.map((option) => (
              <option key={option.kind} value={option.kind}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="rb-field">
          <label className="rb-label" htmlFor={entityId}>
            Record
          </label>
          <select
            id={entityId}
            className="rb-input"
            value={data.entity}
            // Campaign emails go to contacts: their runs are always on one.
            disabled={kind === 'campaign'}
            onChange={(e) => update({ entity: e.target.value as EntityType })}
          >
            {ENTITY_TYPES.map((entity) => (
              <option key={entity} value={entity}>
                {humanize(entity)}
              </option>
            ))}
          </select>
        </div>
        {(data.kind === undefined || data.kind === 'record') && (
          <div className="rb-field">
            <label className="rb-label" htmlFor={eventId}>
              Event
            </label>
            <select
              id={eventId}
              className="rb-input"
              value={data.event}
              // A field filter belongs to the event it was set for.
              onChange={(e) =>
                update({
                  event: e.target.value as RecordEvent,
                  field: undefined,
                  from: undefined,
                  to: undefined,
                  offset: undefined,
                })
              }
            >
              {RECORD_EVENTS.map((event) => (
                <option key={event} value={event}>
                  {humanize(event)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {(data.kind === undefined || data.kind === 'record') && data.event === 'updated' && (
        <FieldChangeFields data={data} problems={problems} update={update} />
      )}
      {data.kind === 'schedule' && <ScheduleTriggerFields data={data} problems={problems} update={update} />}
      {data.kind === 'campaign' && <CampaignTriggerFields data={data} problems={problems} update={update} />}
      {data.kind === 'webhook' && (
        <WebhookTriggerFields
          nodeId={node.id}
          data={data}
          problems={problems}
          update={update}
          {...(hookUrl === undefined ? {} : { hookUrl })}
        />
      )}
      <NodeIdField
        id={node.id}
        taken={taken}
        onRename={(to) => dispatch({ type: 'rename-node', from: node.id, to })}
      />
      <ConditionEditor
        label={kind === 'schedule' ? 'Which records' : 'Only when'}
        entities={[data.entity]}
        required={kind === 'schedule'}
        value={data.condition}
        onChange={(condition) => update({ condition }, 'condition')}
        help={
          kind === 'schedule'
            ? `Required: the ${data.entity} records each tick enrols. Example: {"==": [{"var": "${data.entity}.status"}, "open"]}`
            : kind === 'campaign'
              ? 'Leave empty to start on every such event. Example: {"in": ["webinar", {"var": "trigger.payload.campaignName"}]}'
              : `Leave empty to start on every ${data.entity}. Example: {">=": [{"var": "${kind === 'webhook' ? 'trigger.payload' : data.entity}.score"}, 80]}`
        }
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
