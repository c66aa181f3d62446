import type { NodeTypes } from '@xyflow/react';
import { StepNode } from './StepNode';
import { TriggerNode } from './TriggerNode';

// At module scope: a new object per render would make React Flow re-mount every node.
export const NODE_TYPES: NodeTypes = { trigger: TriggerNode, step: StepNode };
