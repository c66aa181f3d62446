import type { VersionHistoryItem } from '../api/workflows';
import type { BadgeTone } from '../components/StatusBadge';

export const VERSION_STATE_BADGES: Record<VersionHistoryItem['state'], { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'warning' },
  active: { label: 'Live', tone: 'success' },
  superseded: { label: 'Replaced', tone: 'neutral' },
};

/** "3 changes", "1 change", "No changes"; the first version has nothing to compare with. */
export function changeCount(item: VersionHistoryItem): string | null {
  if (item.changes === null) return null;
  if (item.changes === 0) return 'No changes';
  return `${item.changes} ${item.changes === 1 ? 'change' : 'changes'}`;
}

/** The newest version older than `version`, to compare it with by default. */
export function previousVersion(items: readonly VersionHistoryItem[], version: number): number | null {
  const older = items.filter((v) => v.version < version).map((v) => v.version);
  return older.length === 0 ? null : Math.max(...older);
}
