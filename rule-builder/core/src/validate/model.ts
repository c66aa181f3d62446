import { ENTITY_TYPES } from '@baton/contracts';
import type { EntityType } from '@baton/contracts';
import { isRecord } from '../schema-diagnostics';

// The checks read the definition through this lenient view so that a definition failing the schema
// (one bad field) still gets its graph checked: anything unreadable is left out, the schema
// diagnostics already cover it.

export interface ModelTrigger {
  readonly index: number;
  readonly id: string;
  /** `record`, `schedule` or `webhook` (anything else is left to the schema check). */
  readonly kind: string | undefined;
  readonly entity: EntityType | undefined;
  readonly event: string | undefined;
  readonly field: string | undefined;
  /** Whether `from` or `to` is given (they only make sense with a field). */
  readonly hasValueFilter: boolean;
  readonly hasOffset: boolean;
  readonly hasCondition: boolean;
  readonly condition: unknown;
  /** Webhook triggers matching their record by a field: that field. */
  readonly matchField: string | undefined;
}

export interface ModelStep {
  readonly index: number;
  readonly id: string;
  readonly type: string | undefined;
  readonly config: unknown;
  readonly onError: string | undefined;
}

export interface ModelTransition {
  readonly index: number;
  readonly id: string | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly hasCondition: boolean;
  readonly condition: unknown;
}

export type NodeKind = 'trigger' | 'step';

/** A definition as the checks see it, with its node and edge indexes. */
export interface Model {
  readonly triggers: readonly ModelTrigger[];
  readonly steps: readonly ModelStep[];
  readonly transitions: readonly ModelTransition[];
  readonly layoutKeys: readonly string[];
  /** Kind of each node id (its first occurrence when ids repeat). */
  readonly kinds: ReadonlyMap<string, NodeKind>;
  /** First step of each id. */
  readonly stepsById: ReadonlyMap<string, ModelStep>;
  /** Outgoing transitions of each known node, in definition order. */
  readonly outgoing: ReadonlyMap<string, readonly ModelTransition[]>;
  /** Steps each node can go to next: transition targets and error paths that name a step. */
  readonly successors: ReadonlyMap<string, readonly string[]>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const entityOf = (value: unknown): EntityType | undefined =>
  (ENTITY_TYPES as readonly unknown[]).includes(value) ? (value as EntityType) : undefined;
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Reads whatever can be read of a (possibly invalid) definition. */
export function readModel(definition: unknown): Model {
  const root = isRecord(definition) ? definition : {};
  const triggers = listOf(root.triggers).flatMap((t, index): ModelTrigger[] => {
    const id = isRecord(t) ? text(t.id) : undefined;
    if (!isRecord(t) || id === undefined) return [];
    return [
      {
        index,
        id,
        kind: text(t.kind),
        entity: entityOf(t.entity),
        event: text(t.event),
        field: text(t.field),
        hasValueFilter: t.from !== undefined || t.to !== undefined,
        hasOffset: t.offset !== undefined,
        hasCondition: t.condition !== undefined,
        condition: t.condition,
        matchField: isRecord(t.match) && t.match.by === 'field' ? text(t.match.field) : undefined,
      },
    ];
  });
  const steps = listOf(root.steps).flatMap((s, index): ModelStep[] => {
    const id = isRecord(s) ? text(s.id) : undefined;
    if (!isRecord(s) || id === undefined) return [];
    return [{ index, id, type: text(s.type), config: s.config ?? {}, onError: text(s.onError) }];
  });
  const transitions = listOf(root.transitions).flatMap((t, index): ModelTransition[] => {
    if (!isRecord(t)) return [];
    const { condition } = t;
    return [
      {
        index,
        id: text(t.id),
        from: text(t.from),
        to: text(t.to),
        hasCondition: condition !== undefined,
        condition,
      },
    ];
  });
  const layoutKeys = isRecord(root.layout) ? Object.keys(root.layout) : [];

  const kinds = new Map<string, NodeKind>();
  for (const t of triggers) if (!kinds.has(t.id)) kinds.set(t.id, 'trigger');
  const stepsById = new Map<string, ModelStep>();
  for (const s of steps) {
    if (!kinds.has(s.id)) kinds.set(s.id, 'step');
    if (!stepsById.has(s.id)) stepsById.set(s.id, s);
  }

  const outgoing = new Map<string, ModelTransition[]>();
  const successors = new Map<string, string[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  };
  for (const t of transitions) {
    if (t.from === undefined || !kinds.has(t.from)) continue;
    add(outgoing, t.from, t);
    if (t.to !== undefined && kinds.get(t.to) === 'step') add(successors, t.from, t.to);
  }
  for (const s of stepsById.values()) {
    if (s.onError !== undefined && kinds.get(s.onError) === 'step') add(successors, s.id, s.onError);
  }
  return { triggers, steps, transitions, layoutKeys, kinds, stepsById, outgoing, successors };
}

/** Where a trigger sits in the definition, as a JSON Pointer. */
export const triggerPath = (trigger: ModelTrigger): string => `/triggers/${trigger.index}`;
/** Where a step sits in the definition, as a JSON Pointer. */
export const stepPath = (step: ModelStep): string => `/steps/${step.index}`;
/** Where a transition sits in the definition, as a JSON Pointer. */
export const transitionPath = (transition: ModelTransition): string => `/transitions/${transition.index}`;

/** `{ edgeId }` for a transition that has an id. */
export function edgeRef(transition: ModelTransition): { edgeId?: string } {
  return transition.id === undefined ? {} : { edgeId: transition.id };
}
