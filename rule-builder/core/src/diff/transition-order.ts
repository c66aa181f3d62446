import type { Transition } from '@baton/contracts';

/**
 * Conditional arrows whose place among their source's conditional arrows changed. Only arrows
 * present and conditional in both versions, out of the same source, are compared, so adding or
 * removing another arrow does not make the rest look moved. Positions are 1-based.
 */
export function reorderedArrows(
  before: readonly Transition[],
  after: readonly Transition[],
): Map<string, { before: number; after: number }> {
  const conditional = (list: readonly Transition[]) =>
    new Map(list.filter((t) => t.condition !== undefined).map((t) => [t.id, t]));
  const a = conditional(before);
  const b = conditional(after);
  const comparable = (t: Transition) => a.get(t.id)?.from === t.from && b.get(t.id)?.from === t.from;

  const sequences = (list: readonly Transition[]) => {
    const bySource = new Map<string, string[]>();
    for (const t of list) {
      if (t.condition === undefined || !comparable(t)) continue;
      bySource.set(t.from, [...(bySource.get(t.from) ?? []), t.id]);
    }
    return bySource;
  };
  const old = sequences(before);
  const next = sequences(after);
  const moved = new Map<string, { before: number; after: number }>();
  for (const [source, ids] of next) {
    const previous = old.get(source) ?? [];
    ids.forEach((id, index) => {
      const was = previous.indexOf(id);
      if (was !== -1 && was !== index) moved.set(id, { before: was + 1, after: index + 1 });
    });
  }
  return moved;
}
