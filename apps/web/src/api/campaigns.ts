import { apiRequest } from './client';

export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled' | 'failed';
export type BodyFormat = 'text' | 'html';
export type CampaignEventType = 'delivered' | 'opened' | 'clicked' | 'unsubscribed' | 'bounced';
export type RecipientStatus = 'sending' | 'sent' | 'skipped' | 'bounced' | 'failed';

export interface CampaignCounts {
  recipients: number;
  sent: number;
  skipped: number;
  bounced: number;
  failed: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
}

export interface Campaign {
  id: string;
  name: string;
  segment: { id: string; name: string } | null;
  purpose: string;
  subject: string;
  body: string;
  bodyFormat: BodyFormat;
  status: CampaignStatus;
  scheduledAt: string | null;
  ratePerMinute: number;
  batchSize: number;
  error: { code: string; message: string } | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  version: number;
  counts: CampaignCounts;
}

/** What the editor sends: everything but the server's own fields. */
export interface CampaignDraft {
  name: string;
  segmentId: string;
  purpose: string;
  subject: string;
  body: string;
  bodyFormat: BodyFormat;
  scheduledAt: string | null;
  ratePerMinute: number;
  batchSize: number;
}

export type EventCounts = Record<CampaignEventType, number>;

export interface CampaignResults {
  campaignId: string;
  status: CampaignStatus;
  counts: CampaignCounts;
  skippedBy: Record<string, number>;
  events: EventCounts;
  funnel: Array<{ stage: 'delivered' | 'opened' | 'clicked'; count: number }>;
  timeline: { bucket: 'minute' | 'hour' | 'day'; points: Array<{ at: string } & EventCounts> };
  links: Array<{ url: string; clicks: number; people: number }>;
}

export interface Recipient {
  id: string;
  contact: { id: string; name: string };
  email: string | null;
  status: RecipientStatus;
  reason: string | null;
  messageId: string | null;
  sentAt: string | null;
  opened: boolean;
  clicked: boolean;
  unsubscribed: boolean;
}

export interface SegmentOption {
  id: string;
  name: string;
  memberCount: number;
}

/** The problem the API reports for a merge field no record has (TEMPLATE_FIELD_UNKNOWN's details). */
export interface TemplateProblem {
  template: 'subject' | 'body';
  field: string;
  position: { offset: number; line: number; column: number };
  message: string;
}

export function fetchCampaigns(
  signal?: AbortSignal,
): Promise<{ items: Campaign[]; nextCursor: string | null }> {
  return apiRequest('/campaigns?limit=100', { signal });
}

export function fetchCampaign(id: string, signal?: AbortSignal): Promise<Campaign> {
  return apiRequest(`/campaigns/${encodeURIComponent(id)}`, { signal });
}

export function createCampaign(draft: CampaignDraft): Promise<Campaign> {
  return apiRequest('/campaigns', { method: 'POST', body: draft });
}

export function updateCampaign(id: string, version: number, draft: CampaignDraft): Promise<Campaign> {
  return apiRequest(`/campaigns/${encodeURIComponent(id)}`, { method: 'PATCH', body: { version, ...draft } });
}

export function scheduleCampaign(id: string): Promise<Campaign> {
  return apiRequest(`/campaigns/${encodeURIComponent(id)}/schedule`, { method: 'POST', body: {} });
}

export function cancelCampaign(id: string): Promise<Campaign> {
  return apiRequest(`/campaigns/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {} });
}

export function fetchCampaignResults(id: string, signal?: AbortSignal): Promise<CampaignResults> {
  return apiRequest(`/campaigns/${encodeURIComponent(id)}/results`, { signal });
}

export function fetchRecipients(
  id: string,
  signal?: AbortSignal,
): Promise<{ items: Recipient[]; nextCursor: string | null }> {
  return apiRequest(`/campaigns/${encodeURIComponent(id)}/recipients?limit=100`, { signal });
}

export function fetchMergeFields(signal?: AbortSignal): Promise<{ fields: Record<string, string[]> }> {
  return apiRequest('/campaigns/merge-fields', { signal });
}

export function fetchContactSegments(signal?: AbortSignal): Promise<{ items: SegmentOption[] }> {
  return apiRequest('/segments?entity=contact', { signal });
}
