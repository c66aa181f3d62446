import { CONTROL_STEP_ENTRIES } from '@baton/rule-builder-core';
import type { EntityType, RecordEvent } from '@baton/contracts';
import type { JsonSchema } from './json-schema';
import { humanize, triggerLabel } from './labels';

/** What the palette and the config panel know about one step type. */
export interface StepTypeInfo {
  readonly type: string;
  readonly title: string;
  readonly category: string;
  readonly description?: string;
  readonly kind: 'control' | 'activity';
  readonly configSchema: JsonSchema;
}

/** The body of `GET /api/activity-types`: the activity registry, plus the control steps with their schemas. */
export interface ActivityTypesResponse {
  readonly items: readonly {
    readonly type: string;
    readonly title: string;
    readonly category: string;
    readonly description?: string | null;
    readonly configSchema: JsonSchema;
  }[];
  readonly controls?: readonly {
    readonly type: string;
    readonly title: string;
    readonly category: string;
    readonly configSchema: JsonSchema;
  }[];
}

const CONTROL_DESCRIPTIONS: Readonly<Record<string, string>> = {
  branch: 'Chooses the next step by the conditions on its outgoing arrows.',
  delay: 'Waits a number of seconds, minutes, hours or days before going on.',
  end: 'Ends this path of the run.',
  approval: 'Asks approvers chosen by rule, stage by stage, and waits for their decision.',
  wait_for: 'Waits until a condition on the record holds, or until a deadline passes.',
  parallel: 'Starts all its outgoing paths at once; they meet again at a join.',
  join: 'Where parallel paths meet: goes on once all (or the first) arrived.',
  call_workflow: 'Runs another published workflow on this record or one a step created.',
  for_each: 'Runs another published workflow once for each related record.',
};

/**
 * Step types for the editor: the registry's activity types, and the interpreter's control steps
 * (`CONTROL_STEP_ENTRIES`), described by the server's schemas when it sends them.
 */
export function stepTypesFrom(response: ActivityTypesResponse): StepTypeInfo[] {
  const controls = CONTROL_STEP_ENTRIES.map((entry): StepTypeInfo => {
    const sent = response.controls?.find((c) => c.type === entry.type);
    return {
      type: entry.type,
      title: sent?.title ?? humanize(entry.type),
      category: sent?.category ?? 'Flow',
      kind: 'control',
      configSchema: sent?.configSchema ?? { type: 'object' },
      ...(CONTROL_DESCRIPTIONS[entry.type] === undefined
        ? {}
        : { description: CONTROL_DESCRIPTIONS[entry.type] }),
    };
  });
  const activities = response.items.map((item): StepTypeInfo => ({
    type: item.type,
    title: item.title,
    category: item.category,
    kind: 'activity',
    configSchema: item.configSchema,
    ...(item.description ? { description: item.description } : {}),
  }));
  return [...activities, ...controls];
}

/** Something the palette can add to the canvas. */
export type PaletteEntry =
  | {
      readonly kind: 'trigger';
      readonly key: string;
      readonly label: string;
      readonly description: string;
      readonly entity: EntityType;
      readonly event: RecordEvent;
    }
  | {
      readonly kind: 'step';
      readonly key: string;
      readonly label: string;
      readonly description: string;
      readonly stepType: StepTypeInfo;
    };

export interface PaletteGroup {
  readonly category: string;
  readonly entries: readonly PaletteEntry[];
}

export const TRIGGER_CATEGORY = 'Triggers';

/**
 * The palette: triggers first, then step types grouped by category (in first-seen order), keeping
 * only entries whose label, type, category or description contain every word of `query`.
 */
export function paletteGroups(
  stepTypes: readonly StepTypeInfo[],
  triggers: readonly { readonly entity: EntityType; readonly event: RecordEvent }[],
  query = '',
): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (...texts: string[]): boolean => {
    const haystack = texts.join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
  const groups = new Map<string, PaletteEntry[]>();
  const add = (category: string, entry: PaletteEntry): void => {
    const list = groups.get(category);
    if (list === undefined) groups.set(category, [entry]);
    else list.push(entry);
  };
  for (const { entity, event } of triggers) {
    const label = triggerLabel(entity, event);
    const description = `Starts a run when a ${humanize(entity).toLowerCase()} is ${event}.`;
    if (matches(label, TRIGGER_CATEGORY, 'trigger', description)) {
      add(TRIGGER_CATEGORY, {
        kind: 'trigger',
        key: `trigger:${entity}:${event}`,
        label,
        description,
        entity,
        event,
      });
    }
  }
  for (const stepType of stepTypes) {
    const description = stepType.description ?? '';
    if (matches(stepType.title, stepType.type, stepType.category, description)) {
      add(stepType.category, {
        kind: 'step',
        key: `step:${stepType.type}`,
        label: stepType.title,
        description,
        stepType,
      });
    }
  }
  return [...groups].map(([category, entries]) => ({ category, entries }));
}
