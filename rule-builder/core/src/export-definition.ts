import type { WorkflowDefinition } from '@baton/contracts';
import { OrderedObject, compareCodeUnits, sortedKeys, writeJson } from './canonical-json';

type Field = (value: unknown) => unknown;
const asIs: Field = (value) => value;

/** Known keys first, in schema order; unknown keys (an invalid definition) after them, sorted. */
function shaped(fields: Readonly<Record<string, Field>>): Field {
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return sortedKeys(value);
    const record = value as Record<string, unknown>;
    const known = Object.keys(fields);
    const extra = Object.keys(record)
      .filter((key) => !Object.hasOwn(fields, key))
      .sort(compareCodeUnits);
    const entries = [...known.filter((key) => Object.hasOwn(record, key)), ...extra].map(
      (key) =>
        [key, (Object.hasOwn(fields, key) ? (fields[key] as Field) : sortedKeys)(record[key])] as const,
    );
    return new OrderedObject(entries);
  };
}

const idOf = (value: unknown): string => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
};
const byId =
  (field: Field): Field =>
  (value) =>
    Array.isArray(value)
      ? [...value].sort((a, b) => compareCodeUnits(idOf(a), idOf(b))).map(field)
      : sortedKeys(value);

const transitionOrder = (value: unknown): [string, number] => {
  const t = value as { from?: unknown; condition?: unknown } | null;
  return [typeof t?.from === 'string' ? t.from : '', t?.condition === undefined ? 1 : 0];
};
// Groups transitions by source; inside a group conditional ones keep their relative order (it is
// the order they are tried in) and the unconditional default comes last, where it acts anyway.
const bySource =
  (field: Field): Field =>
  (value) =>
    Array.isArray(value)
      ? value
          .map((t, index) => ({ t, index, order: transitionOrder(t) }))
          .sort(
            (a, b) =>
              compareCodeUnits(a.order[0], b.order[0]) || a.order[1] - b.order[1] || a.index - b.index,
          )
          .map(({ t }) => field(t))
      : sortedKeys(value);

const position = shaped({ x: asIs, y: asIs });
const layout: Field = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? new OrderedObject(
        Object.keys(value)
          .sort(compareCodeUnits)
          .map((key) => [key, position((value as Record<string, unknown>)[key])] as const),
      )
    : sortedKeys(value);

const trigger = shaped({ id: asIs, kind: asIs, entity: asIs, event: asIs, condition: sortedKeys });
const retry = shaped({ maximumAttempts: asIs, initialIntervalSeconds: asIs, backoffCoefficient: asIs });
const step = shaped({
  id: asIs,
  type: asIs,
  title: asIs,
  config: sortedKeys,
  retry,
  timeoutSeconds: asIs,
  onError: asIs,
});
const transition = shaped({ id: asIs, from: asIs, to: asIs, condition: sortedKeys, label: asIs });
const definition = shaped({
  schemaVersion: asIs,
  key: asIs,
  name: asIs,
  triggers: byId(trigger),
  steps: byId(step),
  transitions: bySource(transition),
  layout,
});

/**
 * Canonical JSON text of a definition, so that it diffs cleanly in git and equal definitions are
 * equal strings. Keys of known objects follow the schema order; keys inside `config`, conditions
 * and `layout` are sorted (code-unit order); triggers and steps are sorted by id; transitions are
 * grouped by `from` (groups sorted by that id), conditional ones first in their original relative
 * order, then the unconditional default. Two-space indent, trailing newline. Only order changes,
 * so the result runs exactly like the input. Nothing is validated.
 */
export function exportDefinition(def: WorkflowDefinition): string {
  return `${writeJson(definition(def))}\n`;
}
