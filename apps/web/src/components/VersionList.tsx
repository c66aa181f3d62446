import type { VersionHistoryItem } from '../api/workflows';
import { useNow } from '../hooks/useNow';
import { formatAgo } from '../lib/ago';
import { formatFullDate } from '../lib/due';
import { changeCount, VERSION_STATE_BADGES } from '../lib/describeVersion';
import { StatusBadge } from './StatusBadge';

interface VersionListProps {
  items: readonly VersionHistoryItem[];
  selected: number | null;
  onSelect: (version: number) => void;
}

/** Every version, newest first: its state, who saved and published it, and how much it changed. */
export function VersionList({ items, selected, onSelect }: VersionListProps) {
  const now = useNow(60_000);
  const when = (iso: string) => (
    <time dateTime={iso} title={formatFullDate(new Date(iso))}>
      {formatAgo(new Date(iso), now)}
    </time>
  );
  return (
    <ol className="version-list" aria-label="Versions">
      {items.map((item) => {
        const badge = VERSION_STATE_BADGES[item.state];
        const changes = changeCount(item);
        return (
          <li key={item.id}>
            <button
              type="button"
              className={`version-list__item${item.version === selected ? ' version-list__item--selected' : ''}`}
              aria-pressed={item.version === selected}
              onClick={() => onSelect(item.version)}
              data-testid="version-item"
              data-version={item.version}
              data-state={item.state}
            >
              <span className="version-list__head">
                <span className="version-list__number">v{item.version}</span>
                <StatusBadge tone={badge.tone} label={badge.label} />
                {changes && <span className="version-list__changes">{changes}</span>}
              </span>
              {item.note && <span className="version-list__note">{item.note}</span>}
              <span className="version-list__meta">
                {item.restoredFrom !== null && <>Restored from v{item.restoredFrom} · </>}
                {item.createdBy ? `Saved by ${item.createdBy.name}` : 'Saved'} · {when(item.createdAt)}
              </span>
              {item.publishedAt && (
                <span className="version-list__meta">
                  Published{item.publishedBy ? ` by ${item.publishedBy.name}` : ''} · {when(item.publishedAt)}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
