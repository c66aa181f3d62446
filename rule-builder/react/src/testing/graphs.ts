// Spec support: small builders so each spec states only the parts of a graph it is about.
import type {
  EditorEdge,
  EditorGraph,
  EditorNode,
  EditorStepNode,
  EditorTriggerNode,
  StepNodeData,
} from '@baton/rule-builder-core';

export function graphOf(nodes: readonly EditorNode[] = [], edges: readonly EditorEdge[] = []): EditorGraph {
  return { workflow: { key: 'spec-flow', name: 'Spec flow' }, nodes, edges };
}

export function leadCreated(id = 'lead_created', x = 0, y = 0): EditorTriggerNode {
  return { id, kind: 'trigger', position: { x, y }, data: { entity: 'lead', event: 'created' } };
}

export function taskStep(id: string, x = 0, y = 160, data: Partial<StepNodeData> = {}): EditorStepNode {
  return {
    id,
    kind: 'step',
    position: { x, y },
    data: {
      stepType: 'create_task',
      config: {
        title: 'Call the lead',
        assignee: { kind: 'record_owner' },
        dueInBusinessDays: 1,
        priority: 'normal',
      },
      ...data,
    },
  };
}

export function edgeOf(source: string, target: string, id = `${source}_to_${target}`): EditorEdge {
  return { id, source, target };
}
