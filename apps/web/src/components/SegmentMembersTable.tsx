import type { SegmentEntity, SegmentMember } from '../api/segments';
import { recordHref } from '../lib/routes';

/** "contact" / "contacts", "lead" / "leads". */
export function segmentNoun(entity: SegmentEntity, count: number): string {
  return count === 1 ? entity : `${entity}s`;
}

const COLUMNS: Record<SegmentEntity, ReadonlyArray<{ field: string; label: string }>> = {
  contact: [
    { field: 'email', label: 'Email' },
    { field: 'title', label: 'Title' },
  ],
  lead: [
    { field: 'company', label: 'Company' },
    { field: 'status', label: 'Status' },
    { field: 'score', label: 'Score' },
    { field: 'region', label: 'Region' },
  ],
};

function cell(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '—' : value;
  return typeof value === 'number' ? String(value) : '—';
}

/** The first members of a segment, with the fields a rule over them most often tests. */
export function SegmentMembersTable({
  entity,
  members,
}: {
  entity: SegmentEntity;
  members: readonly SegmentMember[];
}) {
  if (members.length === 0) {
    return (
      <p className="segment-members__empty" data-testid="segment-members-empty">
        No {segmentNoun(entity, 0)} match.
      </p>
    );
  }
  return (
    <div className="data-table__frame">
      <table className="data-table" data-testid="segment-members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            {COLUMNS[entity].map((c) => (
              <th key={c.field} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} data-testid="segment-member" data-member-id={member.id}>
              <td>
                {/* Contacts have a page of their own; leads open from the leads list. */}
                {entity === 'contact' ? (
                  <a href={recordHref('contacts', member.id)}>{member.label}</a>
                ) : (
                  member.label
                )}
              </td>
              {COLUMNS[entity].map((c) => (
                <td key={c.field}>{cell(member.fields[c.field])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
