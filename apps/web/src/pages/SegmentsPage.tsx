import type { User } from '../api/types';
import { listSegments, maySaveSegments } from '../api/segments';
import { SegmentsTable } from '../components/SegmentsTable';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import { segmentHref } from '../lib/routes';
import './SegmentsPage.css';
import './WorkflowsPage.css';

/** Saved segments with how many records each matches now; admins and managers draw new ones. */
export function SegmentsPage({ user }: { user: User }) {
  useDocumentTitle('Segments');
  const { data: segments, error, reload } = useRemote('segments', listSegments);
  const mayDraw = maySaveSegments(user);

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Segments</h1>
          <p className="page__subtitle">
            Contacts or leads picked by a condition; members are counted live
            {mayDraw ? '' : ' · read only'}
          </p>
        </div>
        {mayDraw && (
          <a className="button button--primary" href={segmentHref('new')} data-testid="new-segment">
            New segment
          </a>
        )}
      </div>

      <section aria-label="Segments" aria-busy={segments === null && !error}>
        {segments === null ? (
          error ? (
            <div className="workflows-state workflows-state--error" role="alert" data-testid="segments-error">
              <p className="workflows-state__title">Segments could not be loaded</p>
              <p className="workflows-state__detail">{describeError(error)}</p>
              <button type="button" className="button" onClick={reload}>
                Try again
              </button>
            </div>
          ) : (
            <div className="workflows-state" data-testid="segments-loading">
              <p className="workflows-state__detail" role="status">
                Counting segments…
              </p>
            </div>
          )
        ) : segments.length === 0 ? (
          <div className="workflows-state" data-testid="segments-empty">
            <p className="workflows-state__title">No segments yet</p>
            <p className="workflows-state__detail">
              A segment is a condition on contacts or leads, such as “title is CTO”.
            </p>
          </div>
        ) : (
          <SegmentsTable segments={segments} />
        )}
      </section>
    </main>
  );
}
