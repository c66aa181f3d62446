import type { EditorGraph, EditorStepNode } from '@baton/rule-builder-core';
import { useId, useMemo, type Dispatch } from 'react';
import { configFieldProblems, type Problem } from '../model/diagnostics';
import type { EditorAction } from '../model/editor-state';
import { formFields } from '../model/json-schema';
import type { StepTypeInfo } from '../model/step-types';
import { entitiesReaching } from '../model/condition-fields';
import { ConnectControl } from './ConnectControl';
import { FieldErrors } from './JsonField';
import { NodeIdField } from './NodeIdField';
import { StepConfigField } from './StepConfigField';

export interface StepInspectorProps {
  readonly graph: EditorGraph;
  readonly node: EditorStepNode;
  readonly stepType: StepTypeInfo | undefined;
  readonly problems: readonly Problem[];
  readonly dispatch: Dispatch<EditorAction>;
}

/** The selected step's settings: its label, id, config form (from its JSON Schema) and error path. */
export function StepInspector({ graph, node, stepType, problems, dispatch }: StepInspectorProps) {
  const titleId = useId();
  const timeoutId = useId();
  const onErrorId = useId();
  const fields = useMemo(() => formFields(stepType?.configSchema), [stepType]);
  const fieldProblems = configFieldProblems(problems);
  const taken = useMemo(() => new Set(graph.nodes.map((n) => n.id)), [graph.nodes]);
  const entities = useMemo(() => entitiesReaching(graph, node.id), [graph, node.id]);
  const { data } = node;
  const update = (patch: Partial<EditorStepNode['data']>, field?: string) =>
    dispatch({
      type: 'update-step',
      nodeId: node.id,
      patch,
      ...(field === undefined ? {} : { coalesceKey: `${node.id}:${field}` }),
    });

  return (
    <div className="rb-inspector" data-testid="step-inspector" data-node-id={node.id}>
      <h3 className="rb-panel__heading">{stepType?.title ?? data.stepType}</h3>
      {stepType?.description && <p className="rb-muted">{stepType.description}</p>}
      {stepType === undefined && (
        <p className="rb-field__errors">This deployment has no step type “{data.stepType}”.</p>
      )}

      <div className="rb-field">
        <label className="rb-label" htmlFor={titleId}>
          Label on the canvas
        </label>
        <input
          id={titleId}
          className="rb-input"
          value={data.title ?? ''}
          maxLength={200}
          placeholder={stepType?.title}
          onChange={(e) => update({ title: e.target.value === '' ? undefined : e.target.value }, 'title')}
        />
      </div>
      <NodeIdField
        id={node.id}
        taken={taken}
        onRename={(to) => dispatch({ type: 'rename-node', from: node.id, to })}
      />

      {fields.length > 0 && (
        <fieldset className="rb-fieldset rb-fieldset--config" aria-label="Settings">
          <legend className="rb-label">Settings</legend>
          {fields.map((field) => (
            <StepConfigField
              key={field.name}
              stepType={data.stepType}
              entities={entities}
              field={field}
              value={data.config[field.name]}
              errors={fieldProblems.get(field.name) ?? []}
              onChange={(value) => {
                const config: Record<string, unknown> = { ...data.config };
                if (value === undefined) delete config[field.name];
                else config[field.name] = value;
                update({ config }, `config.${field.name}`);
              }}
            />
          ))}
          <FieldErrors id={`${node.id}-config-errors`} messages={fieldProblems.get('') ?? []} />
        </fieldset>
      )}

      {stepType?.kind !== 'control' && (
        <>
          <div className="rb-field">
            <label className="rb-label" htmlFor={timeoutId}>
              Timeout per attempt (seconds)
            </label>
            <input
              id={timeoutId}
              className="rb-input"
              type="number"
              min={1}
              max={86400}
              step={1}
              placeholder="60"
              value={data.timeoutSeconds ?? ''}
              onChange={(e) =>
                update(
                  { timeoutSeconds: e.target.value === '' ? undefined : Number(e.target.value) },
                  'timeout',
                )
              }
            />
          </div>
          <div className="rb-field">
            <label className="rb-label" htmlFor={onErrorId}>
              When it fails, continue at
            </label>
            <select
              id={onErrorId}
              className="rb-input"
              value={data.onError ?? ''}
              onChange={(e) => update({ onError: e.target.value === '' ? undefined : e.target.value })}
            >
              <option value="">(fail the run)</option>
              {graph.nodes
                .filter((n) => n.kind === 'step' && n.id !== node.id)
                .map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.id}
                  </option>
                ))}
            </select>
          </div>
        </>
      )}

      <ConnectControl graph={graph} from={node.id} dispatch={dispatch} />
      <button
        type="button"
        className="rb-button rb-button--danger"
        onClick={() => dispatch({ type: 'delete', nodeIds: [node.id], edgeIds: [] })}
      >
        Delete step
      </button>
    </div>
  );
}
