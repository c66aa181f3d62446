import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LeadConversion } from '../api/leadConversion';
import type { Lead, LeadConvertedTo, User } from '../api/types';
import { useDirectory } from '../hooks/useDirectory';
import { useLead } from '../hooks/useLead';
import { describeError } from '../lib/describeError';
import { formatDateTime, LEAD_SOURCE_LABELS } from '../lib/describeLead';
import { recordHref } from '../lib/routes';
import { ConvertLeadForm } from './ConvertLeadForm';
import { LeadStatusBadge } from './LeadStatusBadge';
import { RecordHistory } from './RecordHistory';
import './LeadDetail.css';

export const LEAD_DETAIL_ID = 'lead-detail';

interface LeadDetailProps {
  /** The row that was clicked, shown at once while the latest copy loads. */
  lead: Lead;
  user: User;
  onClose: () => void;
  /** Called after the lead changed here (e.g. converted), so a list showing it can refresh. */
  onChanged?: () => void;
}

export function LeadDetail({ lead: listed, user, onClose, onChanged }: LeadDetailProps) {
  const { lead: fresh, error } = useLead(listed.id);
  const directory = useDirectory();
  const currentUserId = user.id;
  const [conversion, setConversion] = useState<LeadConversion | null>(null);
  const [converting, setConverting] = useState(false);
  const lead = conversion?.lead ?? fresh ?? listed;
  const convertible = lead.status !== 'converted' && lead.convertedTo === null && mayConvert(user, lead);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = `${LEAD_DETAIL_ID}-title`;

  // Move focus (and, on narrow screens, the scroll position) to the panel each time a lead opens.
  useEffect(() => {
    headingRef.current?.focus();
  }, [listed.id]);

  useEffect(() => {
    function handleKey(event: KeyboardEvent) {
      if (event.key === 'Escape') onClose();
    }
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, [onClose]);

  return (
    <aside
      className="lead-detail"
      id={LEAD_DETAIL_ID}
      aria-labelledby={titleId}
      data-testid="lead-detail"
      data-lead-id={lead.id}
    >
      <header className="lead-detail__header">
        <div className="lead-detail__heading">
          <h2 className="lead-detail__title" id={titleId} ref={headingRef} tabIndex={-1}>
            {lead.name}
          </h2>
          {lead.company && <p className="lead-detail__company">{lead.company}</p>}
        </div>
        <button
          type="button"
          className="button button--quiet lead-detail__close"
          onClick={onClose}
          aria-label="Close lead details"
          data-testid="lead-detail-close"
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>

      <div className="lead-detail__summary">
        <LeadStatusBadge status={lead.status} />
        <span className="lead-detail__score">
          {lead.score === null ? 'Not scored' : `Score ${lead.score}`}
        </span>
      </div>

      {convertible && !converting && (
        <div>
          <button
            type="button"
            className="button"
            onClick={() => setConverting(true)}
            data-testid="lead-convert"
          >
            Convert
          </button>
        </div>
      )}
      {converting && lead.convertedTo === null && (
        <ConvertLeadForm
          lead={lead}
          onConverted={(done) => {
            setConversion(done);
            setConverting(false);
            onChanged?.();
          }}
          onCancel={() => setConverting(false)}
        />
      )}
      {lead.convertedTo && <Converted to={lead.convertedTo} conversion={conversion} />}

      {error !== null && (
        <p className="lead-detail__error" role="alert">
          Showing the list's copy; the latest could not be loaded: {describeError(error)}
        </p>
      )}

      <dl className="lead-detail__fields">
        <Field label="Email">{lead.email && <a href={`mailto:${lead.email}`}>{lead.email}</a>}</Field>
        <Field label="Phone">{lead.phone && <a href={`tel:${lead.phone}`}>{lead.phone}</a>}</Field>
        <Field label="Owner">
          {lead.owner && `${lead.owner.name}${lead.owner.id === currentUserId ? ' (you)' : ''}`}
        </Field>
        <Field label="Source">{LEAD_SOURCE_LABELS[lead.source]}</Field>
        <Field label="Region">{lead.region}</Field>
        <Field label="Created">
          <time dateTime={lead.createdAt}>{formatDateTime(new Date(lead.createdAt))}</time>
        </Field>
        <Field label="Updated">
          <time dateTime={lead.updatedAt}>{formatDateTime(new Date(lead.updatedAt))}</time>
        </Field>
      </dl>

      <div className="lead-detail__history">
        <RecordHistory path="leads" recordType="lead" id={lead.id} user={user} directory={directory} />
      </div>
    </aside>
  );
}

// As the API has it: reps convert their own leads and unassigned ones; managers and admins any.
function mayConvert(user: User, lead: Lead): boolean {
  if (user.role === 'admin' || user.role === 'manager') return true;
  return user.role === 'sales_rep' && (lead.owner === null || lead.owner.id === user.id);
}

/** Where a converted lead went; names are known only right after converting it here. */
function Converted({ to, conversion }: { to: LeadConvertedTo; conversion: LeadConversion | null }) {
  const duplicates = conversion?.duplicates ?? [];
  return (
    <section className="convert-lead__done" aria-label="Converted" data-testid="lead-converted">
      <p>
        Converted <time dateTime={to.at}>{formatDateTime(new Date(to.at))}</time>
      </p>
      <ul className="convert-lead__links">
        <li>
          <a href={recordHref('accounts', to.accountId)} data-testid="lead-converted-account">
            Account{conversion && `: ${conversion.account.name}`}
          </a>
        </li>
        <li>
          <a href={recordHref('contacts', to.contactId)} data-testid="lead-converted-contact">
            Contact{conversion && `: ${conversion.contact.name}`}
          </a>
        </li>
        {to.opportunityId && (
          <li>
            <a href={recordHref('opportunities', to.opportunityId)} data-testid="lead-converted-opportunity">
              Opportunity{conversion?.opportunity && `: ${conversion.opportunity.name}`}
            </a>
          </li>
        )}
      </ul>
      {duplicates.length > 0 && (
        <p className="convert-lead__warning" role="status" data-testid="lead-converted-duplicates">
          The new contact may be the same person as{' '}
          {duplicates.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ', '}
              <a href={recordHref('contacts', d.id)}>{d.name}</a>
              {d.email && ` (${d.email})`}
            </span>
          ))}
          .
        </p>
      )}
    </section>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="lead-detail__field">
      <dt>{label}</dt>
      <dd>{children || <span className="lead-detail__missing">—</span>}</dd>
    </div>
  );
}
