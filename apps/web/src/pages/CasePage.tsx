import { useState } from 'react';
import type { SupportCase } from '../api/crm';
import type { User } from '../api/types';
import { CaseArticles } from '../components/CaseArticles';
import { CaseReplyBox } from '../components/CaseReplyBox';
import { LoadState } from '../components/LoadState';
import { CaseBadge } from '../components/RecordBadges';
import { RecordFields } from '../components/RecordFields';
import { RecordHistory } from '../components/RecordHistory';
import { RecordLayout } from '../components/RecordLayout';
import { useDirectory } from '../hooks/useDirectory';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRecord } from '../hooks/useRecord';
import { formatDateTime } from '../lib/describeLead';
import { CASE_STATUS_LABELS } from '../lib/describeRecords';
import { mayEdit } from '../lib/permissions';
import { ownerField, textField, timestampFields } from '../lib/recordFields';
import { recordHref, routeHref } from '../lib/routes';

interface CasePageProps {
  id: string;
  user: User;
  revision: number;
}

type CaseRecord = SupportCase & { description: string | null };

const STATUS_OPTIONS = Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value, label }));
const PRIORITY_OPTIONS = ['low', 'normal', 'high', 'urgent'].map((p) => ({ value: p, label: p }));

/** A support case: its fields and linked articles beside the reply box and the timeline. */
export function CasePage({ id, user, revision }: CasePageProps) {
  const supportCase = useRecord<CaseRecord>('cases', id, revision);
  const directory = useDirectory();
  // Bumped by each reply: the timeline and the linked articles re-read.
  const [replies, setReplies] = useState(0);
  useDocumentTitle(supportCase.data?.subject ?? 'Case');

  if (supportCase.data === null) {
    return (
      <main className="page">
        <LoadState detail="Loading the case…" error={supportCase.error} onRetry={supportCase.reload} />
      </main>
    );
  }
  const current = supportCase.data;
  const editable = mayEdit(user, current.owner);
  const sla = formatDateTime(new Date(current.slaDueAt));

  return (
    <RecordLayout
      kind="case"
      id={current.id}
      back={{ href: routeHref('cases'), label: 'Cases' }}
      title={current.subject}
      badge={<CaseBadge supportCase={current} />}
      subtitle={
        <>
          <a href={recordHref('accounts', current.account.id)}>{current.account.name}</a> · {current.priority}{' '}
          priority · SLA {sla}
          {current.owner && ` · owned by ${current.owner.name}`}
        </>
      }
      archivedAt={current.archivedAt}
      side={
        <>
          <RecordFields
            key={current.version}
            editable={editable}
            onSave={supportCase.save}
            onReload={supportCase.reload}
            fields={[
              textField('subject', 'Subject', current.subject, true),
              {
                name: 'status',
                label: 'Status',
                value: current.status,
                display: CASE_STATUS_LABELS[current.status],
                input: 'select',
                options: STATUS_OPTIONS,
                required: true,
              },
              {
                name: 'priority',
                label: 'Priority',
                value: current.priority,
                display: current.priority,
                input: 'select',
                options: PRIORITY_OPTIONS,
                required: true,
              },
              {
                name: 'slaDueAt',
                label: 'SLA due',
                value: current.slaDueAt,
                // Computed: the priority's allowance from when the case opened.
                display: <span data-testid="case-sla">{sla}</span>,
                readOnly: true,
              },
              {
                name: 'accountId',
                label: 'Account',
                value: current.account.id,
                display: <a href={recordHref('accounts', current.account.id)}>{current.account.name}</a>,
                readOnly: true,
              },
              {
                name: 'contactId',
                label: 'Contact',
                value: current.contact?.id ?? null,
                display: current.contact && (
                  <a href={recordHref('contacts', current.contact.id)}>{current.contact.name}</a>
                ),
                readOnly: true,
              },
              {
                name: 'description',
                label: 'Description',
                value: current.description,
                display: current.description,
                readOnly: true,
              },
              ownerField(current, user, directory),
              ...timestampFields(current),
            ]}
          />
          <CaseArticles caseId={current.id} editable={editable} refresh={replies} />
        </>
      }
      main={
        <>
          {editable && <CaseReplyBox caseId={current.id} onSent={() => setReplies((n) => n + 1)} />}
          <RecordHistory
            path="cases"
            recordType="case"
            id={current.id}
            user={user}
            directory={directory}
            // A saved field or a reply is new on the timeline.
            revision={`${revision}:${current.version}:${replies}`}
          />
        </>
      }
    />
  );
}
