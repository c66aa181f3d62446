import { useId } from 'react';
import type { TimelineItem } from '../api/timeline';
import type { Timeline } from '../hooks/useTimeline';
import { useNow } from '../hooks/useNow';
import { formatAgo } from '../lib/ago';
import { describeError } from '../lib/describeError';
import { describeTimelineItem, type Names } from '../lib/describeTimeline';
import { formatFullDate } from '../lib/due';
import { StatusBadge } from './StatusBadge';
import { TimelineMarker } from './TimelineMarker';
import './RecordFields.css';
import './RecordTimeline.css';

const CLOCK_MS = 60_000;

/** Everything that happened to the record, newest first, each entry with who and when. */
export function RecordTimeline({ timeline, names }: { timeline: Timeline; names: Names }) {
  const id = useId();
  const now = useNow(CLOCK_MS);
  const { items, error } = timeline;
  return (
    <section className="record-card" aria-labelledby={`${id}-title`} data-testid="timeline">
      <header className="record-card__header">
        <h2 className="record-card__title" id={`${id}-title`}>
          Timeline
        </h2>
      </header>
      {error !== null && (
        <p className="timeline__error" role="alert">
          The timeline could not be loaded: {describeError(error)}{' '}
          <button type="button" className="button button--quiet" onClick={timeline.reload}>
            Try again
          </button>
        </p>
      )}
      {items === null ? (
        error === null && (
          <p className="timeline__state" role="status">
            Loading the timeline…
          </p>
        )
      ) : items.length === 0 ? (
        <p className="timeline__state" data-testid="timeline-empty">
          Nothing has happened here yet. Log a call or add a note to start the record’s history.
        </p>
      ) : (
        <ol className="timeline">
          {items.map((item) => (
            <TimelineEntry key={`${item.kind}:${item.id}`} item={item} names={names} now={now} />
          ))}
        </ol>
      )}
      {timeline.olderError !== null && (
        <p className="timeline__error" role="alert">
          Could not load older entries: {describeError(timeline.olderError)}
        </p>
      )}
      {items !== null && timeline.hasOlder && (
        <button
          type="button"
          className="button timeline__older"
          onClick={timeline.loadOlder}
          disabled={timeline.loadingOlder}
          data-testid="timeline-older"
        >
          {timeline.loadingOlder ? 'Loading…' : 'Show older entries'}
        </button>
      )}
    </section>
  );
}

function TimelineEntry({ item, names, now }: { item: TimelineItem; names: Names; now: Date }) {
  const view = describeTimelineItem(item, names);
  const at = new Date(item.at);
  return (
    <li
      className="timeline__entry"
      data-testid="timeline-item"
      data-kind={item.kind}
      data-visibility={item.kind === 'note' ? String(item.data.visibility) : undefined}
    >
      <TimelineMarker marker={view.marker} />
      <div className="timeline__content">
        <p className="timeline__head">
          <span className="timeline__title">{view.title}</span>
          {view.badge && <StatusBadge tone={view.badge.tone} label={view.badge.label} />}
        </p>
        <p className="timeline__meta">
          {view.who} ·{' '}
          <time dateTime={item.at} title={formatFullDate(at)}>
            {formatAgo(at, now)}
          </time>
        </p>
        {view.body && <p className="timeline__body">{view.body}</p>}
        {view.details.length > 0 && (
          <ul className="timeline__details">
            {view.details.map((detail, i) => (
              <li key={i}>{detail}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
