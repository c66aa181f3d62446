import { truthy } from '@baton/rules';
import { pointer } from '../diagnostics';
import type { Diagnostic } from '../diagnostics';
import type { Model } from './model';
import { edgeRef, stepPath, transitionPath, triggerPath } from './model';

/**
 * `DUPLICATE_ID` on every repeat: triggers and steps share one id space (transitions and the layout
 * refer to both), transitions have their own.
 */
export function checkIds(model: Model): Diagnostic[] {
  const found: Diagnostic[] = [];
  const nodes = new Set<string>();
  const nodeEntries = [
    ...model.triggers.map((t) => ({ id: t.id, path: triggerPath(t) })),
    ...model.steps.map((s) => ({ id: s.id, path: stepPath(s) })),
  ];
  for (const { id, path } of nodeEntries) {
    if (nodes.has(id)) {
      found.push({
        code: 'DUPLICATE_ID',
        message: `Another trigger or step already has the id "${id}"`,
        nodeId: id,
        path: `${path}/id`,
      });
    }
    nodes.add(id);
  }
  const edges = new Set<string>();
  for (const t of model.transitions) {
    if (t.id === undefined) continue;
    if (edges.has(t.id)) {
      found.push({
        code: 'DUPLICATE_ID',
        message: `Another transition already has the id "${t.id}"`,
        edgeId: t.id,
        path: `${transitionPath(t)}/id`,
      });
    }
    edges.add(t.id);
  }
  return found;
}

/** `DANGLING_EDGE` for a transition from an unknown node, to an unknown step, or into a trigger. */
export function checkEdges(model: Model): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const t of model.transitions) {
    const at = { ...edgeRef(t), path: transitionPath(t) };
    if (t.from !== undefined && !model.kinds.has(t.from)) {
      found.push({
        code: 'DANGLING_EDGE',
        message: `Transition starts at "${t.from}", which is no trigger or step`,
        ...at,
        path: `${at.path}/from`,
      });
    }
    if (t.to === undefined) continue;
    const target = model.kinds.get(t.to);
    if (target === undefined) {
      found.push({
        code: 'DANGLING_EDGE',
        message: `Transition leads to "${t.to}", which is no step`,
        ...at,
        path: `${at.path}/to`,
      });
    } else if (target === 'trigger') {
      found.push({
        code: 'DANGLING_EDGE',
        message: `Transition leads into the trigger "${t.to}"; transitions lead to steps`,
        ...at,
        path: `${at.path}/to`,
      });
    }
  }
  return found;
}

/** `UNKNOWN_ERROR_PATH` for an `onError` that names no step. */
export function checkErrorPaths(model: Model): Diagnostic[] {
  return model.steps.flatMap((s): Diagnostic[] => {
    if (s.onError === undefined || model.kinds.get(s.onError) === 'step') return [];
    const what = model.kinds.get(s.onError) === 'trigger' ? 'a trigger, not a step' : 'no step';
    return [
      {
        code: 'UNKNOWN_ERROR_PATH',
        message: `onError names "${s.onError}", which is ${what}`,
        nodeId: s.id,
        path: `${stepPath(s)}/onError`,
      },
    ];
  });
}

/**
 * Checks each node's outgoing transitions against how the interpreter picks one (the first
 * conditional transition whose condition holds, else the first unconditional one):
 * `BRANCH_WITHOUT_DEFAULT` when there are conditional ones but no unconditional one;
 * `END_HAS_TRANSITIONS` when an `end` step has any outgoing transition;
 * `MULTIPLE_DEFAULTS` on every unconditional one after the first (the interpreter follows one
 * transition out of any node but a `parallel` step, which follows them all); `SHADOWED_TRANSITION` (a
 * warning) on the transitions after a conditional one whose condition is a literal truthy value.
 */
export function checkOutgoing(model: Model): Diagnostic[] {
  const found: Diagnostic[] = [];
  const nodes = [
    ...model.triggers.map((t) => ({ id: t.id, path: triggerPath(t), type: undefined })),
    ...model.steps.map((s) => ({ id: s.id, path: stepPath(s), type: s.type })),
  ];
  const seen = new Set<string>();
  for (const { id, path, type } of nodes) {
    if (seen.has(id)) continue;
    seen.add(id);
    const outgoing = model.outgoing.get(id) ?? [];
    // The interpreter stops at an `end` step, so anything after it would silently never run.
    if (type === 'end' && outgoing.length > 0) {
      found.push({
        code: 'END_HAS_TRANSITIONS',
        message: `"${id}" ends the run; its outgoing transitions would never be followed`,
        nodeId: id,
        path,
      });
      continue;
    }
    // A parallel step follows every outgoing transition (a conditional one when it holds), so it
    // has no default to pick and several unconditional ones are its point.
    if (type === 'parallel') continue;
    const defaults = outgoing.filter((t) => !t.hasCondition);
    if (defaults.length === 0 && outgoing.length > 0) {
      found.push({
        code: 'BRANCH_WITHOUT_DEFAULT',
        message: `"${id}" has only conditional transitions; add one without a condition for when none holds`,
        nodeId: id,
        path,
      });
    }
    for (const extra of defaults.slice(1)) {
      found.push({
        code: 'MULTIPLE_DEFAULTS',
        message: `"${id}" already has an unconditional transition; only the first would ever be followed`,
        nodeId: id,
        ...edgeRef(extra),
        path: transitionPath(extra),
      });
    }
    const always = outgoing.find((t) => t.hasCondition && isLiteral(t.condition) && truthy(t.condition));
    if (always === undefined) continue;
    for (const t of outgoing.filter((t) => t.index > always.index || !t.hasCondition)) {
      found.push({
        code: 'SHADOWED_TRANSITION',
        message: `Never followed: an earlier condition out of "${id}" is always true`,
        nodeId: id,
        ...edgeRef(t),
        path: transitionPath(t),
      });
    }
  }
  return found;
}

/** `STALE_LAYOUT` (a warning) for a layout entry that names no trigger or step. */
export function checkLayout(model: Model): Diagnostic[] {
  return model.layoutKeys
    .filter((id) => !model.kinds.has(id))
    .map((id): Diagnostic => ({
      code: 'STALE_LAYOUT',
      message: `The layout places "${id}", which is no trigger or step`,
      path: pointer('/layout', id),
    }));
}

/** True for a condition that is a constant rather than an operation, so its outcome is fixed. */
export function isLiteral(condition: unknown): boolean {
  return condition === null || typeof condition !== 'object' || Array.isArray(condition);
}
