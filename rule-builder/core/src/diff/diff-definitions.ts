import type { Step, Transition, Trigger, WorkflowDefinition } from '@baton/contracts';
import { compareCodeUnits } from '../canonical-json';
import type { DefinitionDiff, DiffOptions, EntryChange, FieldChange } from './definition-diff';
import { canonicalValue, sameJson, unionKeys } from './json-values';
import { reorderedArrows } from './transition-order';

// Schema order reads best; keys the schema does not know (an invalid definition) come after, sorted.
const TRIGGER_FIELDS = ['kind', 'entity', 'event', 'field', 'from', 'to', 'offset', 'reenroll', 'condition'];
const STEP_FIELDS = ['type', 'title', 'config', 'retry', 'timeoutSeconds', 'onError'];
const TRANSITION_FIELDS = ['from', 'to', 'condition', 'label'];

function inSchemaOrder(keys: readonly string[], order: readonly string[]): string[] {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...keys].sort((a, b) => rank(a) - rank(b) || compareCodeUnits(a, b));
}

function fieldChange(path: string, before: unknown, after: unknown): FieldChange {
  return {
    path,
    ...(before === undefined ? {} : { before: canonicalValue(before) }),
    ...(after === undefined ? {} : { after: canonicalValue(after) }),
  };
}

type Entry = { readonly id: string };

/** Differing properties of two entries with the same id; `config` is compared key by key. */
function fieldChanges(before: object, after: object, order: readonly string[]): FieldChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return inSchemaOrder(
    unionKeys(a, b).filter((key) => key !== 'id'),
    order,
  ).flatMap((key) => {
    if (key === 'config' && isPlainObject(a.config) && isPlainObject(b.config)) {
      const configA = a.config;
      const configB = b.config;
      return unionKeys(configA, configB)
        .filter((k) => !sameJson(configA[k], configB[k]))
        .map((k) => fieldChange(`config.${k}`, configA[k], configB[k]));
    }
    return sameJson(a[key], b[key]) ? [] : [fieldChange(key, a[key], b[key])];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Entries matched by id; the array order never counts (extra fields, e.g. `order`, come from `extra`). */
function diffEntries<T extends Entry>(
  before: readonly T[],
  after: readonly T[],
  order: readonly string[],
  extra: (id: string) => readonly FieldChange[] = () => [],
): EntryChange<T>[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const next = new Map(after.map((e) => [e.id, e]));
  const ids = [...new Set([...old.keys(), ...next.keys()])].sort(compareCodeUnits);
  return ids.flatMap((id): EntryChange<T>[] => {
    const a = old.get(id);
    const b = next.get(id);
    if (a === undefined) return [{ change: 'added', id, after: canonicalValue(b) as T }];
    if (b === undefined) return [{ change: 'removed', id, before: canonicalValue(a) as T }];
    const fields = [...fieldChanges(a, b, order), ...extra(id)];
    return fields.length === 0
      ? []
      : [
          {
            change: 'changed',
            id,
            before: canonicalValue(a) as T,
            after: canonicalValue(b) as T,
            fields,
          },
        ];
  });
}

function movedNodes(a: WorkflowDefinition, b: WorkflowDefinition): string[] {
  const nodeIds = (d: WorkflowDefinition) => [...d.triggers, ...d.steps].map((n) => n.id);
  const inA = new Set(nodeIds(a));
  const position = (d: WorkflowDefinition, id: string) =>
    d.layout !== undefined && Object.hasOwn(d.layout, id) ? d.layout[id] : undefined;
  return [...new Set(nodeIds(b))]
    .filter((id) => inA.has(id) && !sameJson(position(a, id), position(b, id)))
    .sort(compareCodeUnits);
}

/**
 * What changed from definition `a` to definition `b`: triggers, steps and transitions matched by
 * id and reported as added, removed or changed (naming each changed property, and each changed
 * `config` key of a step), plus a renamed workflow. Reordering arrays changes nothing, except the
 * order of a node's conditional arrows, which decides which one is tried first (`order`).
 * Canvas positions are ignored unless `{ layout: true }` is passed.
 *
 * @example
 * const diff = diffDefinitions(v1, v2);
 * // diff.steps: [{ change: 'changed', id: 'contact_task', fields: [
 * //   { path: 'config.dueInBusinessDays', before: 1, after: 2 }], … }]
 */
export function diffDefinitions(
  a: WorkflowDefinition,
  b: WorkflowDefinition,
  options: DiffOptions = {},
): DefinitionDiff {
  const workflow = a.name === b.name ? [] : [fieldChange('name', a.name, b.name)];
  const triggers = diffEntries<Trigger>(a.triggers, b.triggers, TRIGGER_FIELDS);
  const steps = diffEntries<Step>(a.steps, b.steps, STEP_FIELDS);
  const order = reorderedArrows(a.transitions, b.transitions);
  const transitions = diffEntries<Transition>(a.transitions, b.transitions, TRANSITION_FIELDS, (id) => {
    const moved = order.get(id);
    return moved === undefined ? [] : [fieldChange('order', moved.before, moved.after)];
  });
  const moved = options.layout === true ? movedNodes(a, b) : [];
  const changeCount = workflow.length + triggers.length + steps.length + transitions.length;
  return {
    workflow,
    triggers,
    steps,
    transitions,
    moved,
    changeCount,
    layoutOnly: changeCount === 0 && moved.length > 0,
  };
}
