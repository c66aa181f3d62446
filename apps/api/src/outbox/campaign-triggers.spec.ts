import type { CampaignTrigger } from '@baton/contracts';
import { campaignPayloadOf, campaignTriggerMatches, type CampaignTriggerPayload } from './campaign-triggers';

const CAMPAIGN = '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60';
const OTHER = '0b7e6d1c-8a2f-4f3e-9d5c-6b4a3e2d1c0f';

const trigger = (fields: Partial<CampaignTrigger> = {}): CampaignTrigger => ({
  id: 'clicked',
  kind: 'campaign',
  entity: 'contact',
  event: 'clicked',
  ...fields,
});

const click = (url: string | null = 'https://example.com/pricing?plan=pro'): CampaignTriggerPayload => ({
  campaignId: CAMPAIGN,
  campaignName: 'Spring',
  event: 'clicked',
  url,
});

describe(campaignTriggerMatches.name, () => {
  it('fires on its event from any campaign when it names none', () => {
    expect(campaignTriggerMatches(trigger(), click())).toBe(true);
    expect(campaignTriggerMatches(trigger({ event: 'opened' }), click())).toBe(false);
  });

  it('fires only on the campaign it names', () => {
    expect(campaignTriggerMatches(trigger({ campaignId: CAMPAIGN }), click())).toBe(true);
    expect(campaignTriggerMatches(trigger({ campaignId: OTHER }), click())).toBe(false);
  });

  it('fires on clicks on links containing its text only', () => {
    expect(campaignTriggerMatches(trigger({ linkContains: '/pricing' }), click())).toBe(true);
    expect(campaignTriggerMatches(trigger({ linkContains: '/careers' }), click())).toBe(false);
    expect(campaignTriggerMatches(trigger({ linkContains: '/pricing' }), click(null))).toBe(false);
  });
});

describe(campaignPayloadOf.name, () => {
  it('reads the campaign event an outbox row carries', () => {
    expect(campaignPayloadOf({ actorId: null, changes: {}, campaign: click() })).toEqual(click());
  });

  it('is undefined for record events and malformed payloads', () => {
    expect(campaignPayloadOf({ actorId: null, changes: {} })).toBeUndefined();
    expect(campaignPayloadOf({ campaign: { campaignId: CAMPAIGN, event: 'forwarded' } })).toBeUndefined();
  });
});
