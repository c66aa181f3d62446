import type { Campaign, CampaignResults, Recipient } from '../api/campaigns';
import { CampaignFunnelChart } from './CampaignFunnelChart';
import { CampaignRecipientsTable } from './CampaignRecipientsTable';
import { CampaignTimelineChart } from './CampaignTimelineChart';

const SKIPPED: Record<string, string> = {
  NO_CONSENT: 'without consent',
  UNSUBSCRIBED: 'unsubscribed',
  NO_EMAIL: 'without an email address',
};

/** A scheduled, sending or finished campaign: its numbers, charts, links and recipients. */
export function CampaignResultsView({
  campaign,
  results,
  recipients,
}: {
  campaign: Campaign;
  results: CampaignResults | null;
  recipients: Recipient[] | null;
}) {
  const counts = results?.counts ?? campaign.counts;
  const skipped = Object.entries(results?.skippedBy ?? {});
  return (
    <div className="campaign-results" data-testid="campaign-results">
      <dl className="campaign-results__figures">
        <Figure label="Sent" value={counts.sent} testId="campaign-sent" />
        <Figure label="Opened" value={counts.opened} testId="campaign-opened" />
        <Figure label="Clicked" value={counts.clicked} testId="campaign-clicked" />
        <Figure label="Unsubscribed" value={counts.unsubscribed} />
        <Figure label="Bounced" value={counts.bounced} />
        <Figure label="Skipped" value={counts.skipped} testId="campaign-skipped" />
      </dl>
      {skipped.length > 0 && (
        <p className="campaign-page__note">
          Skipped:{' '}
          {skipped.map(([reason, n]) => `${n} ${SKIPPED[reason] ?? reason.toLowerCase()}`).join(', ')}.
        </p>
      )}
      <div className="campaign-results__charts">
        <CampaignTimelineChart results={results} />
        <CampaignFunnelChart results={results} />
        <section className="chart-card" aria-labelledby="campaign-links-title">
          <h2 className="chart-card__title" id="campaign-links-title">
            Links clicked
          </h2>
          {results && results.links.length > 0 ? (
            <ol className="campaign-results__links" data-testid="campaign-links">
              {results.links.map((l) => (
                <li key={l.url}>
                  <span className="campaign-results__url">{l.url}</span>
                  <span className="campaign-page__muted">
                    {l.clicks} {l.clicks === 1 ? 'click' : 'clicks'} by {l.people}{' '}
                    {l.people === 1 ? 'person' : 'people'}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="campaign-page__empty">No clicks yet.</p>
          )}
        </section>
      </div>
      <h2 className="campaign-page__heading">Recipients</h2>
      {recipients === null ? (
        <p className="campaign-page__empty">Loading…</p>
      ) : (
        <CampaignRecipientsTable recipients={recipients} />
      )}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <div className="campaign-results__figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
