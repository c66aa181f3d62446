import { fetchCampaigns } from '../api/campaigns';
import type { User } from '../api/types';
import { CampaignStatusBadge } from '../components/CampaignStatusBadge';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import { campaignHref } from '../lib/routes';
import './MyTasksPage.css';
import './CampaignPages.css';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

// A list left open shows sends progressing.
const POLL_MS = 15_000;

/** Every campaign, newest first: where it stands and how it did. */
export function CampaignsPage({ user }: { user: User }) {
  useDocumentTitle('Campaigns');
  const { data, error, reload } = useRemote('campaigns', fetchCampaigns, { pollMs: POLL_MS });
  const manages = user.role === 'admin' || user.role === 'manager';

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Campaigns</h1>
          <p className="page__subtitle">Email to the contacts of a segment who agreed to hear from you</p>
        </div>
        {manages && (
          <a className="button button--primary" href={campaignHref('new')} data-testid="new-campaign">
            New campaign
          </a>
        )}
      </div>
      {data === null ? (
        error ? (
          <div className="campaign-page__state" role="alert">
            <p>{describeError(error)}</p>
            <button type="button" className="button" onClick={reload}>
              Try again
            </button>
          </div>
        ) : (
          <p className="campaign-page__state" role="status">
            Loading campaigns…
          </p>
        )
      ) : data.items.length === 0 ? (
        <div className="campaign-page__state" data-testid="campaigns-empty">
          <p>No campaigns yet.</p>
        </div>
      ) : (
        <div className="data-table__frame">
          <table className="data-table" data-testid="campaigns-table" aria-label="Campaigns">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Status</th>
                <th scope="col">When</th>
                <th scope="col" className="campaign-page__number">
                  Sent
                </th>
                <th scope="col" className="campaign-page__number">
                  Opened
                </th>
                <th scope="col" className="campaign-page__number">
                  Clicked
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id}>
                  <td>
                    <a className="campaign-page__link" href={campaignHref(c.id)}>
                      {c.name}
                    </a>
                    <span className="campaign-page__sub">
                      {c.segment?.name ?? 'No segment'} · {c.purpose}
                    </span>
                  </td>
                  <td>
                    <CampaignStatusBadge status={c.status} />
                  </td>
                  <td className="campaign-page__muted">
                    {c.finishedAt
                      ? time.format(new Date(c.finishedAt))
                      : c.scheduledAt
                        ? time.format(new Date(c.scheduledAt))
                        : c.status === 'draft'
                          ? '—'
                          : 'Now'}
                  </td>
                  <td className="campaign-page__number">{c.counts.sent}</td>
                  <td className="campaign-page__number">{c.counts.opened}</td>
                  <td className="campaign-page__number">{c.counts.clicked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
