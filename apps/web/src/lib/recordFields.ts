import type { CrmRecord } from '../api/crm';
import type { User } from '../api/types';
import type { FieldSpec } from '../components/RecordFields';
import type { Directory } from '../hooks/useDirectory';
import { formatDateTime } from './describeLead';
import { assignsAnyone } from './permissions';

// Fields every record page shows the same way.

/**
 * The owner. Only managers and admins reassign here: a rep who gave a deal away could no longer see
 * or change it.
 */
export function ownerField(record: CrmRecord, user: User, directory: Directory): FieldSpec {
  const you = record.owner?.id === user.id ? ' (you)' : '';
  return {
    name: 'ownerId',
    label: 'Owner',
    value: record.owner?.id ?? null,
    display: record.owner ? `${record.owner.name}${you}` : 'Unassigned',
    input: 'select',
    options: (directory.users ?? (record.owner ? [record.owner] : [])).map((u) => ({
      value: u.id,
      label: u.name,
    })),
    readOnly: !assignsAnyone(user) || directory.users === null,
  };
}

export function timestampFields(record: CrmRecord): FieldSpec[] {
  return [
    {
      name: 'createdAt',
      label: 'Created',
      value: record.createdAt,
      display: formatDateTime(new Date(record.createdAt)),
      readOnly: true,
    },
    {
      name: 'updatedAt',
      label: 'Updated',
      value: record.updatedAt,
      display: formatDateTime(new Date(record.updatedAt)),
      readOnly: true,
    },
  ];
}

export function textField(name: string, label: string, value: string | null, required = false): FieldSpec {
  return { name, label, value, display: value, input: 'text', required };
}
