import type { Step, Transition, Trigger } from '@baton/contracts';

/**
 * One property that differs. `path` is the property's name (`title`, `condition`, `retry`), or
 * `config.<key>` for one setting of a step, or `order` for a conditional arrow's place among its
 * source's conditional arrows (1-based; that order decides which is tried first). `before` or
 * `after` is absent when the property is absent on that side.
 */
export interface FieldChange {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** A trigger, step or transition that was added, removed, or changed (with what changed). */
export type EntryChange<T> =
  | { readonly change: 'added'; readonly id: string; readonly after: T }
  | { readonly change: 'removed'; readonly id: string; readonly before: T }
  | {
      readonly change: 'changed';
      readonly id: string;
      readonly before: T;
      readonly after: T;
      readonly fields: readonly FieldChange[];
    };

/**
 * What changed from one definition to another, in a stable order: entries sorted by id, fields in
 * schema order (unknown ones and `config.*` keys sorted). Equal inputs give equal JSON, whatever
 * order their arrays and keys were in.
 */
export interface DefinitionDiff {
  /** Workflow-level properties (`name`). */
  readonly workflow: readonly FieldChange[];
  readonly triggers: readonly EntryChange<Trigger>[];
  readonly steps: readonly EntryChange<Step>[];
  readonly transitions: readonly EntryChange<Transition>[];
  /**
   * Triggers and steps (in both definitions) whose canvas position differs. Always empty unless
   * the diff was asked for with `{ layout: true }`: positions never change what a run does.
   */
  readonly moved: readonly string[];
  /** Workflow properties plus triggers, steps and transitions that differ; moves are not counted. */
  readonly changeCount: number;
  /** Only positions differ (never true unless asked for with `{ layout: true }`). */
  readonly layoutOnly: boolean;
}

export interface DiffOptions {
  /** Also compare canvas positions (`layout`), reported in `moved`. Default false. */
  readonly layout?: boolean;
}
