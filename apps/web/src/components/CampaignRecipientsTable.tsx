import type { Recipient, RecipientStatus } from '../api/campaigns';
import { recordHref } from '../lib/routes';
import { StatusBadge, type BadgeTone } from './StatusBadge';

const TONES: Record<RecipientStatus, BadgeTone> = {
  sending: 'warning',
  sent: 'success',
  skipped: 'muted',
  bounced: 'danger',
  failed: 'danger',
};

const REASONS: Record<string, string> = {
  NO_CONSENT: 'no consent for this purpose',
  UNSUBSCRIBED: 'unsubscribed',
  NO_EMAIL: 'no email address',
  INTERRUPTED: 'cut off mid-send; not sent again',
};

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Who the campaign went to (or skipped, and why), and what each of them did with it. */
export function CampaignRecipientsTable({ recipients }: { recipients: Recipient[] }) {
  if (recipients.length === 0) return <p className="campaign-page__empty">No recipients yet.</p>;
  return (
    <div className="data-table__frame">
      <table className="data-table" data-testid="campaign-recipients" aria-label="Recipients">
        <thead>
          <tr>
            <th scope="col">Contact</th>
            <th scope="col">Status</th>
            <th scope="col">Sent</th>
            <th scope="col">Opened</th>
            <th scope="col">Clicked</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((r) => (
            <tr key={r.id} data-testid="campaign-recipient" data-status={r.status}>
              <td>
                <a className="campaign-page__link" href={recordHref('contacts', r.contact.id)}>
                  {r.contact.name}
                </a>
                <span className="campaign-page__sub">{r.email ?? 'no email'}</span>
              </td>
              <td>
                <StatusBadge tone={TONES[r.status]} label={r.status} status={r.status} />
                {r.reason && <span className="campaign-page__sub">{REASONS[r.reason] ?? r.reason}</span>}
              </td>
              <td className="campaign-page__muted">{r.sentAt ? time.format(new Date(r.sentAt)) : '—'}</td>
              <td>{r.opened ? 'Yes' : '—'}</td>
              <td>
                {r.clicked ? 'Yes' : '—'}
                {r.unsubscribed ? ' · unsubscribed' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
