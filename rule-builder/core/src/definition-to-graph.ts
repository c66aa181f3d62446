import type { Position, Step, Transition, Trigger, WorkflowDefinition } from '@baton/contracts';
import { assertNever } from './assert-never';
import { autoLayout } from './auto-layout';
import { cloneJson } from './clone';
import type { EditorEdge, EditorGraph, EditorStepNode, EditorTriggerNode, TriggerNodeData } from './graph';

/**
 * Opens a definition in the editor: triggers then steps become nodes (each in definition order),
 * transitions become edges in definition order. Positions come from `layout`; a trigger or step
 * without a layout entry gets a deterministic automatic position (see {@link autoLayout}).
 * Inverse of {@link graphToDefinition}.
 */
export function definitionToGraph(definition: WorkflowDefinition): EditorGraph {
  const layout = definition.layout ?? {};
  const automatic = autoLayout(definition);
  const positionOf = (id: string): Position => {
    const placed = Object.hasOwn(layout, id) ? layout[id] : undefined;
    const position = placed ?? automatic.get(id) ?? { x: 0, y: 0 };
    return { x: position.x, y: position.y };
  };
  return {
    workflow: { key: definition.key, name: definition.name },
    nodes: [
      ...definition.triggers.map((t) => toTriggerNode(t, positionOf(t.id))),
      ...definition.steps.map((s) => toStepNode(s, positionOf(s.id))),
    ],
    edges: definition.transitions.map(toEdge),
  };
}

function toTriggerNode(trigger: Trigger, position: Position): EditorTriggerNode {
  return { id: trigger.id, kind: 'trigger', position, data: toTriggerData(trigger) };
}

// Record trigger nodes carry no `kind` (it is their default), so graphs drawn before other kinds
// existed read the same.
function toTriggerData(trigger: Trigger): TriggerNodeData {
  const { entity, reenroll, condition } = trigger;
  const common = {
    entity,
    ...(reenroll === undefined ? {} : { reenroll: { ...reenroll } }),
    ...(condition === undefined ? {} : { condition: cloneJson(condition) }),
  };
  switch (trigger.kind) {
    case 'record': {
      const { event, field, from, to, offset } = trigger;
      return {
        ...common,
        event,
        ...(field === undefined ? {} : { field }),
        ...(from === undefined ? {} : { from: cloneJson(from) }),
        ...(to === undefined ? {} : { to: cloneJson(to) }),
        ...(offset === undefined ? {} : { offset: { ...offset } }),
      };
    }
    case 'schedule': {
      const { cron, every, timezone, limit } = trigger;
      return {
        kind: 'schedule',
        ...common,
        ...(cron === undefined ? {} : { cron }),
        ...(every === undefined ? {} : { every: { ...every } }),
        ...(timezone === undefined ? {} : { timezone }),
        ...(limit === undefined ? {} : { limit }),
      };
    }
    case 'webhook':
      return { kind: 'webhook', ...common, match: { ...trigger.match } };
    case 'campaign': {
      const { event, campaignId, linkContains } = trigger;
      return {
        kind: 'campaign',
        ...common,
        entity: 'contact',
        event,
        ...(campaignId === undefined ? {} : { campaignId }),
        ...(linkContains === undefined ? {} : { linkContains }),
      };
    }
    default:
      return assertNever(trigger);
  }
}

function toStepNode(step: Step, position: Position): EditorStepNode {
  const { type, title, config, retry, timeoutSeconds, onError } = step;
  return {
    id: step.id,
    kind: 'step',
    position,
    data: {
      stepType: type,
      ...(title === undefined ? {} : { title }),
      config: cloneJson(config),
      ...(retry === undefined ? {} : { retry: { ...retry } }),
      ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
      ...(onError === undefined ? {} : { onError }),
    },
  };
}

function toEdge(transition: Transition): EditorEdge {
  const { id, from, to, condition, label } = transition;
  return {
    id,
    source: from,
    target: to,
    ...(label === undefined ? {} : { label }),
    ...(condition === undefined ? {} : { condition: cloneJson(condition) }),
  };
}
