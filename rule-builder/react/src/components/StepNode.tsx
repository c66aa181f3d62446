import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { worstSeverity } from '../model/diagnostics';
import type { StepFlowNode } from './canvas-types';
import { NodeProblems } from './NodeProblems';

/** A step: arrows come in from the top and leave from the bottom. */
export const StepNode = memo(function StepNode({ id, data, selected }: NodeProps<StepFlowNode>) {
  const severity = worstSeverity(data.problems);
  const stepType = data.node.kind === 'step' ? data.node.data.stepType : '';
  return (
    <div
      className={`rb-node rb-node--step rb-node--type-${stepType}${severity ? ` rb-node--${severity}` : ''}${selected ? ' rb-node--selected' : ''}`}
      data-testid="canvas-node"
      data-node-id={id}
      data-node-kind="step"
      data-step-type={stepType}
      data-severity={severity ?? 'none'}
    >
      <Handle type="target" position={Position.Top} aria-label={`Connect into ${data.title}`} />
      <span className="rb-node__kind">{data.kindLabel}</span>
      <span className="rb-node__title">{data.title}</span>
      <span className="rb-node__meta">{id}</span>
      <NodeProblems problems={data.problems} />
      {stepType !== 'end' && (
        <Handle type="source" position={Position.Bottom} aria-label={`Connect from ${data.title}`} />
      )}
    </div>
  );
});
