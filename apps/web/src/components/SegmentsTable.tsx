import { conditionText } from '@baton/rule-builder-react';
import type { Segment } from '../api/segments';
import { formatShortDate } from '../lib/describeLead';
import { segmentHref } from '../lib/routes';
import { segmentNoun } from './SegmentMembersTable';

export function SegmentsTable({ segments }: { segments: readonly Segment[] }) {
  const now = new Date();
  return (
    <div className="data-table__frame">
      <table className="data-table segments-table" data-testid="segments-table">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Condition</th>
            <th scope="col">Members</th>
            <th scope="col">Owner</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((segment) => (
            <tr
              key={segment.id}
              data-testid="segment-row"
              data-segment-id={segment.id}
              data-name={segment.name}
            >
              <td>
                <a className="segments-table__name" href={segmentHref(segment.id)}>
                  {segment.name}
                </a>
                {segment.description && (
                  <span className="segments-table__description">{segment.description}</span>
                )}
              </td>
              <td className="segments-table__condition">{conditionText(segment.rule)}</td>
              <td
                className="segments-table__count"
                data-testid="segment-member-count"
                data-count={segment.memberCount}
              >
                {segment.memberCount.toLocaleString()} {segmentNoun(segment.entity, segment.memberCount)}
              </td>
              <td>{segment.owner?.name ?? '—'}</td>
              <td>{formatShortDate(new Date(segment.updatedAt), now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
