import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DiffMark } from '../model/diff-marks';

export interface DiffNodeData extends Record<string, unknown> {
  readonly nodeKind: 'trigger' | 'step';
  readonly stepType?: string;
  readonly kindLabel: string;
  readonly title: string;
  readonly mark?: DiffMark;
}

export type DiffFlowNode = Node<DiffNodeData, 'diff'>;

const MARK_LABELS: Readonly<Record<DiffMark, string>> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/** A trigger or step of a version being looked at, marked by how it changed; nothing is editable. */
export const DiffNode = memo(function DiffNode({ id, data }: NodeProps<DiffFlowNode>) {
  const kind = data.nodeKind;
  return (
    <div
      className={`rb-node rb-node--${kind}${data.stepType ? ` rb-node--type-${data.stepType}` : ''}${data.mark ? ` rb-node--diff-${data.mark}` : ''}`}
      data-testid="diff-node"
      data-node-id={id}
      data-mark={data.mark ?? 'unchanged'}
    >
      {kind === 'step' && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <span className="rb-node__kind">
        {kind === 'trigger' ? 'Trigger' : data.kindLabel}
        {data.mark && (
          <span className={`rb-diff-badge rb-diff-badge--${data.mark}`}>{MARK_LABELS[data.mark]}</span>
        )}
      </span>
      <span className="rb-node__title">{kind === 'trigger' ? data.kindLabel : data.title}</span>
      <span className="rb-node__meta">{id}</span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
