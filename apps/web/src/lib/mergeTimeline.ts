import type { TimelineItem } from '../api/timeline';

const keyOf = (item: TimelineItem) => `${item.kind}:${item.id}`;

/** Newest first, in the server's order (time, then kind and id), each entry once. */
export function mergeTimeline(newest: TimelineItem[], shown: TimelineItem[]): TimelineItem[] {
  const byKey = new Map<string, TimelineItem>();
  for (const item of [...newest, ...shown]) if (!byKey.has(keyOf(item))) byKey.set(keyOf(item), item);
  return [...byKey.values()].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || keyOf(b).localeCompare(keyOf(a)),
  );
}
