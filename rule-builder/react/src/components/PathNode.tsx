import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { EMPTY_OVERLAY, PATH_STATUS_LABELS, type PathOverlay } from '../model/run-overlay';

export interface PathNodeData extends Record<string, unknown> {
  readonly nodeKind: 'trigger' | 'step';
  readonly stepType?: string;
  readonly kindLabel: string;
  readonly title: string;
}

export type PathFlowNode = Node<PathNodeData, 'path'>;

/**
 * The lit path, read by each node: a live run's overlay changes every second, and passing it
 * through context repaints the nodes without handing React Flow new ones (which would refit the
 * view under the reader's pan and zoom).
 */
export const PathOverlayContext = createContext<{ overlay: PathOverlay; selected: string | null }>({
  overlay: EMPTY_OVERLAY,
  selected: null,
});

const NOTES_SHOWN = 2;

/** A trigger or step on a lit path: its status, its place in the path and what it did. */
export const PathNode = memo(function PathNode({ id, data }: NodeProps<PathFlowNode>) {
  const { overlay, selected } = useContext(PathOverlayContext);
  const state = overlay.nodes.get(id);
  const lit = overlay.nodes.size > 0;
  const kind = data.nodeKind;
  const status = state?.status;
  const classes = [
    'rb-node',
    `rb-node--${kind}`,
    data.stepType ? `rb-node--type-${data.stepType}` : '',
    'rb-path-node',
    status ? `rb-path-node--${status}` : lit ? 'rb-path-node--off' : '',
    selected === id ? 'rb-node--selected' : '',
  ];
  const hidden = (state?.notes.length ?? 0) - NOTES_SHOWN;
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="path-node"
      data-node-id={id}
      data-status={status ?? 'none'}
      data-order={state?.order.join(' ') ?? ''}
    >
      {kind === 'step' && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <span className="rb-node__kind">
        {kind === 'trigger' ? 'Trigger' : data.kindLabel}
        {state && state.order.length > 0 && (
          <span className="rb-path-node__order" aria-label={`Step ${state.order.join(' and ')} of the path`}>
            {state.order.join(' · ')}
          </span>
        )}
      </span>
      <span className="rb-node__title">{kind === 'trigger' ? data.kindLabel : data.title}</span>
      {status ? (
        <span className="rb-path-node__status">
          <span aria-hidden="true">{PATH_STATUS_LABELS[status].icon}</span> {PATH_STATUS_LABELS[status].label}
        </span>
      ) : (
        <span className="rb-node__meta">{id}</span>
      )}
      {state?.error && (
        <span className="rb-path-node__error">
          <code>{state.error.code}</code> {state.error.message}
        </span>
      )}
      {state?.notes.slice(0, NOTES_SHOWN).map((note, i) => (
        <span key={i} className="rb-path-node__note">
          {note}
        </span>
      ))}
      {hidden > 0 && <span className="rb-path-node__note rb-node__more">+{hidden} more</span>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
