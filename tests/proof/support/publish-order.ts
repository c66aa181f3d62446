type Row = Record<string, any>;

/** A minimal valid workflow started by hand on an account: enough to draft, publish and race. */
export function manualDefinition(key: string, name: string) {
  return {
    schemaVersion: 1,
    key,
    name,
    triggers: [{ id: 'by_hand', kind: 'record', event: 'manual', entity: 'account' }],
    steps: [{ id: 'stop', type: 'end' }],
    transitions: [{ id: 't_start', from: 'by_hand', to: 'stop' }],
  };
}

/**
 * What is wrong with how the publishes of one round went in, if anything: version `same` was
 * published once; of the two publishes of `pair`, one saw the other's result (they took turns)
 * and the one that came second is the active version.
 */
export function publishOrderProblem(
  entries: Row[],
  same: number,
  pair: number[],
  active: Row | null,
): string | undefined {
  const sameEntries = entries.filter((e) => e.after.version === same);
  if (sameEntries.length !== 1) return `version ${same} has ${sameEntries.length} publish entries`;
  const [x, y] = pair.map((v) => entries.filter((e) => e.after.version === v));
  if (x?.length !== 1 || y?.length !== 1)
    return `versions ${pair.join(', ')} have ${x?.length} and ${y?.length} publish entries`;
  const [ex, ey] = [x[0]!, y[0]!];
  const second =
    ey.before.activeVersionId === ex.after.activeVersionId
      ? ey
      : ex.before.activeVersionId === ey.after.activeVersionId
        ? ex
        : undefined;
  if (!second)
    return `neither publish of ${pair.join(', ')} saw the other: both replaced ${ex.before.activeVersionId}`;
  if (active?.id !== second.after.activeVersionId)
    return `active is v${active?.version}, the later publish was v${second.after.version}`;
  return undefined;
}
