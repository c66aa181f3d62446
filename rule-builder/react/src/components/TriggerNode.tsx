import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { worstSeverity } from '../model/diagnostics';
import type { TriggerFlowNode } from './canvas-types';
import { NodeProblems } from './NodeProblems';

/** A trigger: where runs start, so arrows only leave it. */
export const TriggerNode = memo(function TriggerNode({ id, data, selected }: NodeProps<TriggerFlowNode>) {
  const severity = worstSeverity(data.problems);
  const trigger = data.node.kind === 'trigger' ? data.node.data : undefined;
  const condition = trigger?.condition !== undefined;
  // "status → submitted": the field change an updated trigger waits for.
  const change =
    trigger !== undefined && 'field' in trigger && trigger.event === 'updated' && trigger.field !== undefined
      ? ` · ${trigger.field}${trigger.to === undefined ? '' : ` → ${typeof trigger.to === 'string' ? trigger.to : JSON.stringify(trigger.to)}`}`
      : '';
  return (
    <div
      className={`rb-node rb-node--trigger${severity ? ` rb-node--${severity}` : ''}${selected ? ' rb-node--selected' : ''}`}
      data-testid="canvas-node"
      data-node-id={id}
      data-node-kind="trigger"
      data-severity={severity ?? 'none'}
    >
      <span className="rb-node__kind">Trigger</span>
      <span className="rb-node__title">{data.kindLabel}</span>
      <span className="rb-node__meta">
        {data.title}
        {change}
        {condition ? ' · with condition' : ''}
      </span>
      <NodeProblems problems={data.problems} />
      <Handle type="source" position={Position.Bottom} aria-label={`Connect from ${data.kindLabel}`} />
    </div>
  );
});
