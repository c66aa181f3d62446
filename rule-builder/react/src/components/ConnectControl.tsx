import type { EditorGraph } from '@baton/rule-builder-core';
import { useId, useMemo, useState, type Dispatch } from 'react';
import { connectableTargets } from '../model/connection';
import type { EditorAction } from '../model/editor-state';

/** Draws an arrow from a node without a mouse: pick the next step, press Connect. */
export function ConnectControl({
  graph,
  from,
  dispatch,
}: {
  graph: EditorGraph;
  from: string;
  dispatch: Dispatch<EditorAction>;
}) {
  const id = useId();
  const [target, setTarget] = useState('');
  const targets = useMemo(() => connectableTargets(graph, from), [graph, from]);
  if (targets.length === 0) return null;
  const chosen = targets.some((n) => n.id === target) ? target : '';
  return (
    <div className="rb-field">
      <label className="rb-label" htmlFor={id}>
        Add an arrow to
      </label>
      <div className="rb-row">
        <select id={id} className="rb-input" value={chosen} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Choose a step…</option>
          {targets.map((n) => (
            <option key={n.id} value={n.id}>
              {n.kind === 'step' ? (n.data.title ?? n.id) : n.id} ({n.id})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="rb-button"
          disabled={chosen === ''}
          onClick={() => {
            dispatch({ type: 'connect', source: from, target: chosen });
            setTarget('');
          }}
        >
          Connect
        </button>
      </div>
    </div>
  );
}
