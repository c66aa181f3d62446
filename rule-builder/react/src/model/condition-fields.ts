import { ENTITY_FIELDS, type EntityType } from '@baton/contracts';
import type { EditorGraph, EditorTriggerNode } from '@baton/rule-builder-core';
import type { FieldDefinition } from '@baton/rules';
import { humanize } from './labels';

/** How the condition builder treats a field: which operators it offers and which input it shows. */
export type ConditionFieldKind = 'text' | 'number' | 'date' | 'enum' | 'boolean' | 'any';

/** One field a condition can test, as the builder offers it. */
export interface ConditionField {
  /** The `var` path, e.g. `lead.score`. */
  readonly path: string;
  readonly label: string;
  readonly kind: ConditionFieldKind;
  /** The values an `enum` field takes. */
  readonly options?: readonly string[];
}

/**
 * The values of enumerated fields, per entity and field (`{ lead: { status: ['new', …] } }`), as
 * `GET /api/rules/fields` lists them. A string field with options is offered as an `enum`.
 */
export type FieldOptions = Readonly<Partial<Record<EntityType, Readonly<Record<string, readonly string[]>>>>>;

function kindOf(definition: FieldDefinition, options: readonly string[] | undefined): ConditionFieldKind {
  switch (definition.type) {
    case 'string':
      return options === undefined ? 'text' : 'enum';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'array':
    case 'object':
      return 'any';
  }
}

/**
 * The fields a condition on runs started by an `entity` trigger can test: the record's own fields
 * under the entity's name, in the order the contracts list them.
 *
 * @example
 * conditionFields('lead', { lead: { status: ['new', 'working'] } })
 * // [{ path: 'lead.id', label: 'Id', kind: 'text' }, …, { path: 'lead.status', kind: 'enum', options: [...] }, …]
 */
export function conditionFields(entity: EntityType, options: FieldOptions = {}): ConditionField[] {
  const fields = ENTITY_FIELDS[entity] ?? {};
  const known = options[entity] ?? {};
  return Object.entries(fields).map(([name, definition]) => {
    const values = Object.hasOwn(known, name) ? known[name] : undefined;
    return {
      path: `${entity}.${name}`,
      label: definition.label ?? humanize(name),
      kind: kindOf(definition, values),
      ...(values === undefined ? {} : { options: values }),
    };
  });
}

/** The field at `path`, or an open one (`any`) for paths the catalogue does not list (step outputs). */
export function fieldAt(fields: readonly ConditionField[], path: string): ConditionField {
  return fields.find((f) => f.path === path) ?? { path, label: path, kind: 'any' };
}

/**
 * The entities whose triggers can lead to `nodeId` (a trigger: its own). When nothing reaches it
 * yet (an arrow not connected to a trigger), every trigger's entity, so the builder still offers
 * the fields the workflow is about.
 */
export function entitiesReaching(graph: EditorGraph, nodeId: string | undefined): EntityType[] {
  const triggers = graph.nodes.filter((n): n is EditorTriggerNode => n.kind === 'trigger');
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const reaching = triggers.filter((trigger) => {
    const seen = new Set<string>([trigger.id]);
    const queue = [trigger.id];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (id === nodeId) return true;
      for (const to of next.get(id) ?? []) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    return false;
  });
  const chosen = reaching.length > 0 ? reaching : triggers;
  return [...new Set(chosen.map((t) => t.data.entity))];
}
