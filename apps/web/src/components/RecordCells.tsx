import type { Ref } from '../api/crm';
import { Missing } from './RecordTable';

/** An owner's name, "(you)" for the viewer, and "Unassigned" said out loud. */
export function OwnerCell({ owner, currentUserId }: { owner: Ref | null; currentUserId: string }) {
  if (!owner) return <span className="record-table__missing">Unassigned</span>;
  return (
    <>
      {owner.name}
      {owner.id === currentUserId && <span className="record-table__missing"> (you)</span>}
    </>
  );
}

export function TextCell({ value, missing }: { value: string | null; missing?: string }) {
  return value ? <>{value}</> : <Missing label={missing} />;
}
