import type { User } from '../api/types';
import { getSegment, maySaveSegments, type Segment, type SegmentEntity } from '../api/segments';
import { SegmentForm } from '../components/SegmentForm';
import { SegmentReadOnly } from '../components/SegmentReadOnly';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import { parseDetailId, routeHref } from '../lib/routes';
import './SegmentsPage.css';
import './WorkflowsPage.css';

function newEntity(hash: string): SegmentEntity {
  return new URLSearchParams(hash.split('?')[1] ?? '').get('entity') === 'lead' ? 'lead' : 'contact';
}

/** "#/segments/<id>": a saved segment; "#/segments/new": a segment not saved yet. */
export function SegmentEditorPage({ hash, user }: { hash: string; user: User }) {
  const id = parseDetailId(hash);
  const isNew = id === 'new';
  const remote = useRemote<Segment | null>(isNew ? 'new' : id, (signal) =>
    isNew ? Promise.resolve(null) : getSegment(id, signal),
  );
  useDocumentTitle(isNew ? 'New segment' : (remote.data?.name ?? 'Segment'));

  let body;
  if (isNew && !maySaveSegments(user)) {
    body = (
      <p className="segment-editor__error">Segments are drawn by admins and sales managers (FORBIDDEN)</p>
    );
  } else if (!isNew && remote.data === null) {
    body = remote.error ? (
      <div className="workflows-state workflows-state--error" role="alert">
        <p className="workflows-state__title">The segment could not be loaded</p>
        <p className="workflows-state__detail">{describeError(remote.error)}</p>
      </div>
    ) : (
      <p className="workflows-state__detail" role="status">
        Loading the segment…
      </p>
    );
  } else if (maySaveSegments(user) && remote.data?.archivedAt == null) {
    // Keyed by version: a save starts the form afresh from what the server kept.
    body = (
      <SegmentForm
        key={remote.data ? `${remote.data.id}:${remote.data.version}` : 'new'}
        segment={remote.data}
        entity={remote.data?.entity ?? newEntity(hash)}
        onSaved={remote.replace}
      />
    );
  } else {
    body = <SegmentReadOnly segment={remote.data!} />;
  }

  return (
    <main className="page segment-editor">
      <a className="segment-editor__back" href={routeHref('segments')}>
        ← Segments
      </a>
      {body}
    </main>
  );
}
