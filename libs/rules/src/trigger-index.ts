import { compileRule } from './compile';
import { RuleError } from './errors';
import { truthy } from './semantics';
import type { CompiledRule, EvaluationContext } from './types';

/** A published workflow trigger: fires on `event` of `entity`, optionally only when `field` changed and `condition` holds. */
export interface TriggerDefinition {
  readonly id: string;
  readonly entity: string;
  readonly event: string;
  readonly field?: string;
  readonly condition?: unknown;
}

/** A domain event to match; `condition`s are evaluated against `record`. */
export interface TriggerEvent {
  readonly entity: string;
  readonly event: string;
  readonly changedFields?: readonly string[];
  readonly record: unknown;
}

/** Options of {@link createTriggerIndex}. */
export interface TriggerIndexOptions {
  /** Called when a condition throws; that trigger then does not match. Without it the error propagates. */
  readonly onError?: (triggerId: string, error: unknown) => void;
}

/** Triggers indexed by entity and event, with conditions compiled once. */
export interface TriggerIndex {
  /** Ids of the matching triggers, in the order they were given. */
  match(event: TriggerEvent, ctx?: EvaluationContext): string[];
  readonly size: number;
}

interface Entry {
  readonly id: string;
  readonly order: number;
  readonly condition: CompiledRule | null;
}

interface Bucket {
  // Triggers without a field are checked for every event of the bucket; others only when their field changed.
  readonly always: Entry[];
  readonly byField: Map<string, Entry[]>;
}

// NUL cannot appear in entity or event names coming from JSON identifiers, so keys cannot collide.
const bucketKey = (entity: string, event: string): string => `${entity}\u0000${event}`;

/**
 * Builds an index of triggers. Matching an event touches only the triggers of its entity and event
 * (and, for field triggers, only those whose field is in `changedFields`; an event without
 * `changedFields` matches no field trigger).
 *
 * @throws RuleError RULE_DUPLICATE_TRIGGER for a repeated id, or compile errors of a condition.
 */
export function createTriggerIndex(
  triggers: readonly TriggerDefinition[],
  options: TriggerIndexOptions = {},
): TriggerIndex {
  const buckets = new Map<string, Bucket>();
  const seen = new Set<string>();
  triggers.forEach((trigger, order) => {
    if (seen.has(trigger.id))
      throw new RuleError('RULE_DUPLICATE_TRIGGER', `Trigger "${trigger.id}" is defined twice`);
    seen.add(trigger.id);
    const key = bucketKey(trigger.entity, trigger.event);
    let bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, (bucket = { always: [], byField: new Map() }));
    const entry: Entry = {
      id: trigger.id,
      order,
      condition: trigger.condition === undefined ? null : compileRule(trigger.condition),
    };
    if (trigger.field === undefined) bucket.always.push(entry);
    else {
      const list = bucket.byField.get(trigger.field);
      if (list === undefined) bucket.byField.set(trigger.field, [entry]);
      else list.push(entry);
    }
  });

  const { onError } = options;
  const passes = (entry: Entry, record: unknown, ctx: EvaluationContext | undefined): boolean => {
    if (entry.condition === null) return true;
    if (onError === undefined) return truthy(entry.condition(record, ctx));
    try {
      return truthy(entry.condition(record, ctx));
    } catch (error) {
      onError(entry.id, error);
      return false;
    }
  };

  return {
    size: seen.size,
    match(event, ctx) {
      const bucket = buckets.get(bucketKey(event.entity, event.event));
      if (bucket === undefined) return [];
      const { record } = event;
      const hits: Entry[] = [];
      for (const entry of bucket.always) if (passes(entry, record, ctx)) hits.push(entry);
      if (bucket.byField.size > 0 && event.changedFields !== undefined) {
        let fromFields = false;
        // A field listed twice in changedFields must not match its triggers twice.
        for (const field of new Set(event.changedFields)) {
          const list = bucket.byField.get(field);
          if (list === undefined) continue;
          for (const entry of list) if (passes(entry, record, ctx)) hits.push(entry);
          fromFields = true;
        }
        if (fromFields) hits.sort((a, b) => a.order - b.order);
      }
      return hits.map((entry) => entry.id);
    },
  };
}
