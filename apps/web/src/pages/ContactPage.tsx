import type { Contact } from '../api/crm';
import type { User } from '../api/types';
import { LoadState } from '../components/LoadState';
import { PersonalDataActions } from '../components/PersonalDataActions';
import { RecordFields } from '../components/RecordFields';
import { RecordHistory } from '../components/RecordHistory';
import { RecordLayout } from '../components/RecordLayout';
import { RelatedList } from '../components/RelatedList';
import { useDirectory } from '../hooks/useDirectory';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRecord } from '../hooks/useRecord';
import { mayEdit } from '../lib/permissions';
import { ownerField, textField, timestampFields } from '../lib/recordFields';
import { recordHref, routeHref } from '../lib/routes';

interface ContactPageProps {
  id: string;
  user: User;
  revision: number;
}

export function ContactPage({ id, user, revision }: ContactPageProps) {
  const contact = useRecord<Contact>('contacts', id, revision);
  const directory = useDirectory();
  useDocumentTitle(contact.data?.name ?? 'Contact');

  if (contact.data === null) {
    return (
      <main className="page">
        <LoadState detail="Loading the contact…" error={contact.error} onRetry={contact.reload} />
      </main>
    );
  }
  const current = contact.data;
  const accounts = {
    data: {
      items: current.accounts.map((a) => ({
        id: a.id,
        href: recordHref('accounts', a.id),
        primary: a.name,
        secondary: a.role ?? undefined,
      })),
      nextCursor: null,
    },
    error: null,
  };

  return (
    <RecordLayout
      kind="contact"
      id={current.id}
      back={{ href: routeHref('contacts'), label: 'Contacts' }}
      title={current.name}
      subtitle={[current.title, current.accounts[0]?.name, current.owner && `owned by ${current.owner.name}`]
        .filter(Boolean)
        .join(' · ')}
      archivedAt={current.archivedAt}
      side={
        <>
          {current.mergedInto && (
            <p className="record-page__archived" role="note">
              Merged into <a href={recordHref('contacts', current.mergedInto)}>another contact</a>, which now
              holds this person’s history.
            </p>
          )}
          <RecordFields
            key={current.version}
            editable={mayEdit(user, current.owner) && !current.mergedInto}
            onSave={contact.save}
            onReload={contact.reload}
            fields={[
              textField('name', 'Name', current.name, true),
              textField('title', 'Job title', current.title),
              {
                name: 'email',
                label: 'Email',
                value: current.email,
                display: current.email && <a href={`mailto:${current.email}`}>{current.email}</a>,
                input: 'email',
              },
              {
                name: 'phone',
                label: 'Phone',
                value: current.phone,
                display: current.phone && <a href={`tel:${current.phone}`}>{current.phone}</a>,
                input: 'tel',
              },
              ownerField(current, user, directory),
              ...timestampFields(current),
            ]}
          />
          <RelatedList
            title="Accounts"
            rows={accounts}
            empty="Not linked to an account."
            testId="related-accounts"
          />
          {user.role === 'admin' && (
            <PersonalDataActions records="contacts" id={current.id} onErased={contact.reload} />
          )}
        </>
      }
      main={
        <RecordHistory
          path="contacts"
          recordType="contact"
          id={current.id}
          user={user}
          directory={directory}
          // A saved field is a change on the timeline.
          revision={`${revision}:${current.version}`}
        />
      }
    />
  );
}
