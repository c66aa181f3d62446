/** What {@link reuseUnchanged} remembers of one element: what it was made from, and what was made. */
export interface Made<T> {
  readonly inputs: readonly unknown[];
  readonly made: T;
}

/**
 * The element made for `id` last time when it was made from the same inputs (each compared with
 * `Object.is`), else a new one from `make`; either way recorded in `next`. Canvas elements that
 * keep their identity are skipped by memoised components and by React Flow, so a change to one
 * node of a large workflow re-renders that node, not all of them.
 *
 * @example
 * const next = new Map();
 * const nodes = graph.nodes.map((n) => reuseUnchanged(previous, next, n.id, [n, selected(n)], () => toFlow(n)));
 * previous = next;
 */
export function reuseUnchanged<T>(
  previous: ReadonlyMap<string, Made<T>>,
  next: Map<string, Made<T>>,
  id: string,
  inputs: readonly unknown[],
  make: () => T,
): T {
  const before = previous.get(id);
  const same =
    before !== undefined &&
    before.inputs.length === inputs.length &&
    before.inputs.every((input, i) => Object.is(input, inputs[i]));
  const made = same ? before.made : make();
  next.set(id, { inputs, made });
  return made;
}
