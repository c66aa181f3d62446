import { DEFINITION_SCHEMA_VERSION } from '@baton/contracts';
import type { Position, Step, Transition, Trigger, WorkflowDefinition } from '@baton/contracts';
import { assertNever } from './assert-never';
import { cloneJson } from './clone';
import type { EditorEdge, EditorStepNode, EditorTriggerNode, EditorGraph } from './graph';

/**
 * Compiles the editor graph into a workflow definition. Trigger nodes become `triggers` and step
 * nodes `steps`, each in canvas order; edges become `transitions` in canvas order (their order is
 * the order conditions are tried in); every node's position goes to `layout`. Nothing is checked
 * here: run {@link validateDefinition} (or {@link validateGraph}) on the result.
 */
export function graphToDefinition(graph: EditorGraph): WorkflowDefinition {
  const triggers: Trigger[] = [];
  const steps: Step[] = [];
  for (const node of graph.nodes) {
    switch (node.kind) {
      case 'trigger':
        triggers.push(toTrigger(node));
        break;
      case 'step':
        steps.push(toStep(node));
        break;
      default:
        assertNever(node);
    }
  }
  // fromEntries defines own properties, so even an id like "__proto__" lands in the layout.
  const layout: Record<string, Position> = Object.fromEntries(
    graph.nodes.map((node) => [node.id, { x: node.position.x, y: node.position.y }]),
  );
  return {
    schemaVersion: DEFINITION_SCHEMA_VERSION,
    key: graph.workflow.key,
    name: graph.workflow.name,
    triggers,
    steps,
    transitions: graph.edges.map(toTransition),
    layout,
  };
}

function toTrigger(node: EditorTriggerNode): Trigger {
  const { data } = node;
  const common = {
    id: node.id,
    entity: data.entity,
    ...(data.reenroll === undefined ? {} : { reenroll: { ...data.reenroll } }),
  };
  const condition = data.condition === undefined ? {} : { condition: cloneJson(data.condition) };
  switch (data.kind) {
    case undefined:
    case 'record': {
      const { event, field, from, to, offset } = data;
      return {
        ...common,
        kind: 'record',
        event,
        ...(field === undefined ? {} : { field }),
        ...(from === undefined ? {} : { from: cloneJson(from) }),
        ...(to === undefined ? {} : { to: cloneJson(to) }),
        ...(offset === undefined ? {} : { offset: { ...offset } }),
        ...condition,
      };
    }
    case 'schedule': {
      const { cron, every, timezone, limit } = data;
      // A node still missing its condition compiles without one; validation then says it is needed.
      return {
        ...common,
        kind: 'schedule',
        ...(cron === undefined ? {} : { cron }),
        ...(every === undefined ? {} : { every: { ...every } }),
        ...(timezone === undefined ? {} : { timezone }),
        ...(limit === undefined ? {} : { limit }),
        ...condition,
      } as Trigger;
    }
    case 'webhook':
      return { ...common, kind: 'webhook', match: { ...data.match }, ...condition };
    case 'campaign': {
      const { event, campaignId, linkContains } = data;
      return {
        ...common,
        entity: 'contact',
        kind: 'campaign',
        event,
        ...(campaignId === undefined ? {} : { campaignId }),
        ...(linkContains === undefined ? {} : { linkContains }),
        ...condition,
      };
    }
    default:
      return assertNever(data);
  }
}

function toStep(node: EditorStepNode): Step {
  const { stepType, title, config, retry, timeoutSeconds, onError } = node.data;
  return {
    id: node.id,
    type: stepType,
    ...(title === undefined ? {} : { title }),
    config: cloneJson(config),
    ...(retry === undefined ? {} : { retry: { ...retry } }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...(onError === undefined ? {} : { onError }),
  };
}

function toTransition(edge: EditorEdge): Transition {
  const { id, source, target, condition, label } = edge;
  return {
    id,
    from: source,
    to: target,
    ...(condition === undefined ? {} : { condition: cloneJson(condition) }),
    ...(label === undefined ? {} : { label }),
  };
}
