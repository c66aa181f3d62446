import { conditionText } from '@baton/rule-builder-react';
import { segmentMembers, type Segment } from '../api/segments';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import { SegmentMembersTable, segmentNoun } from './SegmentMembersTable';

const FIRST_PAGE = 20;

/** A segment for the roles that read but do not draw: its condition in words and its first members. */
export function SegmentReadOnly({ segment }: { segment: Segment }) {
  // An archived segment has no members to list.
  const members = useRemote(segment.archivedAt ? `archived:${segment.id}` : segment.id, (signal) =>
    segment.archivedAt
      ? Promise.resolve({ items: [], nextCursor: null })
      : segmentMembers(segment.id, { limit: FIRST_PAGE }, signal),
  );
  return (
    <div className="segment-editor__layout">
      <div className="segment-editor__form">
        <h1 className="page__title">{segment.name}</h1>
        <p className="page__subtitle">
          {segment.entity === 'lead' ? 'Leads' : 'Contacts'} · read only
          {segment.archivedAt ? ' · archived' : ''}
        </p>
        {segment.description && <p>{segment.description}</p>}
        <p className="segment-editor__condition" data-testid="segment-condition-text">
          {conditionText(segment.rule)}
        </p>
      </div>
      <section className="segment-preview" aria-label="Members">
        <p className="segment-preview__count" data-testid="segment-count" data-count={segment.memberCount}>
          {segment.memberCount.toLocaleString()} {segmentNoun(segment.entity, segment.memberCount)} match
        </p>
        {members.data ? (
          <SegmentMembersTable entity={segment.entity} members={members.data.items} />
        ) : members.error ? (
          <p className="segment-preview__error" role="alert">
            {describeError(members.error)}
          </p>
        ) : (
          <p role="status">Loading members…</p>
        )}
      </section>
    </div>
  );
}
