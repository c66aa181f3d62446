import type { Step, Transition, Trigger, WorkflowDefinition } from '@baton/contracts';
import type { DefinitionDiff, EntryChange, FieldChange } from '@baton/rule-builder-core';
import { conditionText } from './condition-text';
import { formFields, type FormField } from './json-schema';
import { humanize, triggerLabel } from './labels';
import type { StepTypeInfo } from './step-types';
import { valueText } from './value-text';

export type ChangeTone = 'added' | 'removed' | 'changed';

/** One change in words: "Step 'Contact task' changed" with "Due in business days: 1 → 2". */
export interface ChangeLine {
  readonly tone: ChangeTone;
  /** The trigger or step the line is about, if any. */
  readonly nodeId?: string;
  /** The arrow the line is about, if any. */
  readonly edgeId?: string;
  readonly summary: string;
  readonly details: readonly string[];
}

export interface DescribeContext {
  /** The older side of the diff (`from`) and the newer (`to`). */
  readonly before: WorkflowDefinition;
  readonly after: WorkflowDefinition;
  readonly stepTypes: readonly StepTypeInfo[];
}

const STEP_FIELD_LABELS: Readonly<Record<string, string>> = {
  type: 'Kind',
  title: 'Name',
  retry: 'Retries',
  timeoutSeconds: 'Time limit per attempt',
  onError: 'On failure, continue at',
};
const TRIGGER_FIELD_LABELS: Readonly<Record<string, string>> = {
  entity: 'Record',
  event: 'Event',
  field: 'Field',
  from: 'Changed from',
  to: 'Changed to',
  offset: 'When',
  reenroll: 'Re-entry',
  condition: 'Condition',
};

const quoted = (name: string) => `'${name}'`;

function transition(label: string, field: FieldChange, show: (v: unknown) => string): string {
  if (field.before === undefined) return `${label}: set to ${show(field.after)}`;
  if (field.after === undefined) return `${label}: ${show(field.before)} removed`;
  return `${label}: ${show(field.before)} → ${show(field.after)}`;
}

const ordinal = (n: unknown) => {
  const value = Number(n);
  const suffix =
    value % 10 === 1 && value !== 11
      ? 'st'
      : value % 10 === 2 && value !== 12
        ? 'nd'
        : value % 10 === 3 && value !== 13
          ? 'rd'
          : 'th';
  return `${value}${suffix}`;
};

/** Names of triggers and steps as people see them on the canvas. */
class Names {
  private readonly types: ReadonlyMap<string, StepTypeInfo>;
  private readonly nodes = new Map<string, string>();

  constructor({ before, after, stepTypes }: DescribeContext) {
    this.types = new Map(stepTypes.map((t) => [t.type, t]));
    // The newer name wins; a removed node keeps its last one.
    for (const d of [before, after]) {
      for (const t of d.triggers) this.nodes.set(t.id, this.trigger(t));
      for (const s of d.steps) this.nodes.set(s.id, this.step(s));
    }
  }

  typeTitle(type: unknown): string {
    return typeof type === 'string' ? (this.types.get(type)?.title ?? humanize(type)) : 'unknown';
  }

  fields(type: string): ReadonlyMap<string, FormField> {
    return new Map(formFields(this.types.get(type)?.configSchema).map((f) => [f.name, f]));
  }

  step(step: Step): string {
    return step.title ?? this.typeTitle(step.type);
  }

  trigger(trigger: Trigger): string {
    return trigger.kind === 'record'
      ? triggerLabel(trigger.entity, trigger.event)
      : `${humanize(trigger.kind)} trigger`;
  }

  node(id: unknown): string {
    return typeof id === 'string' ? quoted(this.nodes.get(id) ?? id) : 'nothing';
  }
}

function stepDetails(field: FieldChange, step: Step, names: Names): string {
  if (field.path.startsWith('config.')) {
    const key = field.path.slice('config.'.length);
    const form = names.fields(step.type).get(key);
    return transition(form?.label ?? humanize(key), field, (v) => valueText(v, form));
  }
  const label = STEP_FIELD_LABELS[field.path] ?? humanize(field.path);
  switch (field.path) {
    case 'type':
      return transition(label, field, (v) => names.typeTitle(v));
    case 'onError':
      return transition(label, field, (v) => names.node(v));
    case 'timeoutSeconds':
      return transition(label, field, (v) => `${String(v)} s`);
    case 'retry':
      return transition(
        label,
        field,
        (v) => `${String((v as { maximumAttempts?: unknown }).maximumAttempts)} attempts`,
      );
    default:
      return transition(label, field, (v) => valueText(v, undefined));
  }
}

function arrowDetails(field: FieldChange, names: Names): string {
  switch (field.path) {
    case 'condition':
      if (field.after === undefined) return 'Condition removed: it is now the default path';
      return transition('Taken when', field, conditionText);
    case 'order':
      return `Tried ${ordinal(field.after)} instead of ${ordinal(field.before)}`;
    case 'from':
      return transition('Starts at', field, (v) => names.node(v));
    case 'to':
      return transition('Leads to', field, (v) => names.node(v));
    default:
      return transition(humanize(field.path), field, (v) => valueText(v, undefined));
  }
}

function triggerDetails(field: FieldChange): string {
  const label = TRIGGER_FIELD_LABELS[field.path] ?? humanize(field.path);
  if (field.path === 'condition') return transition('Only when', field, conditionText);
  if (field.path === 'offset') {
    return transition(label, field, (v) => {
      const o = v as { amount?: unknown; unit?: unknown; direction?: unknown };
      return `${String(o.amount)} ${String(o.unit)} ${String(o.direction)}`;
    });
  }
  if (field.path === 'reenroll') {
    return transition(label, field, (v) => humanize(String((v as { mode?: unknown }).mode)));
  }
  return transition(label, field, (v) => (typeof v === 'string' ? humanize(v) : valueText(v, undefined)));
}

function entryLine<T extends { id: string }>(
  entry: EntryChange<T>,
  noun: string,
  /** The entry's name as written in the sentence (quoted). */
  name: (value: T) => string,
  details: { added: (value: T) => string[]; changed: (field: FieldChange, value: T) => string },
): Omit<ChangeLine, 'nodeId' | 'edgeId'> {
  switch (entry.change) {
    case 'added':
      return {
        tone: 'added',
        summary: `${noun} ${name(entry.after)} added`,
        details: details.added(entry.after),
      };
    case 'removed':
      return { tone: 'removed', summary: `${noun} ${name(entry.before)} removed`, details: [] };
    case 'changed':
      return {
        tone: 'changed',
        summary: `${noun} ${name(entry.after)} changed`,
        details: entry.fields.map((f) => details.changed(f, entry.after)),
      };
  }
}

/**
 * A diff in words for people who do not read JSON: the workflow's name, then triggers, steps and
 * arrows, each with what changed, config settings named by their form labels.
 */
export function describeDiff(diff: DefinitionDiff, context: DescribeContext): ChangeLine[] {
  const names = new Names(context);
  const arrowName = (t: Transition) => `${names.node(t.from)} → ${names.node(t.to)}`;
  return [
    ...diff.workflow.map((f): ChangeLine => ({
      tone: 'changed',
      summary: `Workflow renamed from ${quoted(String(f.before))} to ${quoted(String(f.after))}`,
      details: [],
    })),
    ...diff.triggers.map((e): ChangeLine => ({
      nodeId: e.id,
      ...entryLine(e, 'Trigger', (t) => quoted(names.trigger(t)), {
        added: (t) =>
          'condition' in t && t.condition !== undefined ? [`Only when ${conditionText(t.condition)}`] : [],
        changed: (f) => triggerDetails(f),
      }),
    })),
    ...diff.steps.map((e): ChangeLine => ({
      nodeId: e.id,
      ...entryLine(e, 'Step', (s) => quoted(names.step(s)), {
        added: (s) => [`Kind: ${names.typeTitle(s.type)}`],
        changed: (f, s) => stepDetails(f, s, names),
      }),
    })),
    ...diff.transitions.map((e): ChangeLine => ({
      edgeId: e.id,
      ...entryLine(e, 'Arrow', arrowName, {
        added: (t) => [
          t.condition === undefined ? 'The default path' : `Taken when ${conditionText(t.condition)}`,
        ],
        changed: (f) => arrowDetails(f, names),
      }),
    })),
  ];
}
