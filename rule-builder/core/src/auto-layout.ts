import type { Position, WorkflowDefinition } from '@baton/contracts';

/** Horizontal distance between nodes of one row of the automatic layout. */
export const LAYOUT_COLUMN_WIDTH = 280;
/** Vertical distance between rows of the automatic layout. */
export const LAYOUT_ROW_HEIGHT = 160;

/**
 * Deterministic canvas positions for every trigger and step, from the definition's structure alone:
 * row = fewest transitions (or error paths) from a trigger (triggers on row 0, steps no trigger
 * reaches on the row after the last), column = order within the row (triggers, then steps, each in
 * definition order). Used for nodes the layout does not place.
 */
export function autoLayout(definition: WorkflowDefinition): Map<string, Position> {
  const rank = new Map<string, number>();
  const successors = new Map<string, string[]>();
  const link = (from: string, to: string): void => {
    const list = successors.get(from);
    if (list === undefined) successors.set(from, [to]);
    else list.push(to);
  };
  for (const t of definition.transitions) link(t.from, t.to);
  for (const s of definition.steps) if (s.onError !== undefined) link(s.id, s.onError);

  const stepIds = new Set(definition.steps.map((s) => s.id));
  let frontier: string[] = [];
  for (const trigger of definition.triggers) {
    if (!rank.has(trigger.id)) {
      rank.set(trigger.id, 0);
      frontier.push(trigger.id);
    }
  }
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const to of successors.get(id) ?? []) {
        if (stepIds.has(to) && !rank.has(to)) {
          rank.set(to, depth);
          next.push(to);
        }
      }
    }
    frontier = next;
  }

  const lastRank = Math.max(0, ...rank.values());
  const columns = new Map<number, number>();
  const positions = new Map<string, Position>();
  for (const { id } of [...definition.triggers, ...definition.steps]) {
    if (positions.has(id)) continue;
    const row = rank.get(id) ?? lastRank + 1;
    const column = columns.get(row) ?? 0;
    columns.set(row, column + 1);
    positions.set(id, { x: column * LAYOUT_COLUMN_WIDTH, y: row * LAYOUT_ROW_HEIGHT });
  }
  return positions;
}
