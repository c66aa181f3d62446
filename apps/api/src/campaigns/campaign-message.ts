import { escapeHtml, renderTemplate, type MergeData } from './campaign-template';
import type { BodyFormat } from './campaign.entity';

export interface TrackedLink {
  token: string;
  position: number;
  url: string;
}

export interface CampaignMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Every link of the body, each behind `/api/t/c/<token>`. */
  links: TrackedLink[];
}

export interface MessageInput {
  subject: string;
  body: string;
  bodyFormat: BodyFormat;
  data: MergeData;
  /** Origin the tracking URLs are built on, e.g. `https://crm.example.com`. */
  baseUrl: string;
  /** The recipient's token: open pixel and unsubscribe link. */
  token: string;
  newToken: () => string;
}

const HREF = /(\shref\s*=\s*)(["'])(.*?)\2/gi;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name]!);
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** The plain-text part of an HTML mail: links as "label (url)", paragraphs and breaks as newlines. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
      .replace(
        /<a\b[^>]*\shref\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi,
        (_m, _q, href: string, label) => `${String(label).replace(/<[^>]*>/g, '')} (${href})`,
      )
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|tr)>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * One recipient's mail: merge fields filled in, every web link rewritten to a tracked link of its
 * own, an open pixel, an unsubscribe link in the footer and the List-Unsubscribe headers mail
 * clients offer a button for. A text body gets an HTML part (where the pixel lives); an HTML body a
 * text part.
 */
export function buildCampaignMessage(input: MessageInput): CampaignMessage {
  const { baseUrl, token } = input;
  const links: TrackedLink[] = [];
  const track = (url: string): string => {
    const link = { token: input.newToken(), position: links.length, url };
    links.push(link);
    return `${baseUrl}/api/t/c/${link.token}`;
  };
  const unsubscribeUrl = `${baseUrl}/api/t/u/${token}`;
  const pixel = `<img src="${baseUrl}/api/t/o/${token}.gif" width="1" height="1" alt="" style="display:block;border:0">`;
  const footer = `<p style="font-size:12px;color:#666">You receive this because you agreed to hear from us. <a href="${unsubscribeUrl}">Unsubscribe</a></p>`;
  // Keep the subject on one line: a newline in a merged value would otherwise start a new header.
  const subject = renderTemplate(input.subject, input.data)
    .replace(/[\r\n]+/g, ' ')
    .trim();

  let html: string;
  let text: string;
  if (input.bodyFormat === 'html') {
    const rendered = renderTemplate(input.body, input.data, { html: true }).replace(
      HREF,
      (whole, prefix: string, quote: string, href: string) => {
        const url = decodeEntities(href.trim());
        return isWebUrl(url) ? `${prefix}${quote}${escapeHtml(track(url))}${quote}` : whole;
      },
    );
    const closing = rendered.search(/<\/body>/i);
    html =
      closing >= 0
        ? `${rendered.slice(0, closing)}${footer}${pixel}${rendered.slice(closing)}`
        : `${rendered}${footer}${pixel}`;
    text = `${htmlToText(rendered)}\n\n--\nUnsubscribe: ${unsubscribeUrl}\n`;
  } else {
    const rendered = renderTemplate(input.body, input.data).replace(URL_IN_TEXT, (url) => track(url));
    text = `${rendered}\n\n--\nUnsubscribe: ${unsubscribeUrl}\n`;
    const linked = escapeHtml(rendered).replace(
      /https?:\/\/[^\s<>"']+\/api\/t\/c\/[\w-]+/g,
      (url) => `<a href="${url}">${url}</a>`,
    );
    html = `<div style="white-space:pre-wrap">${linked}</div>${footer}${pixel}`;
  }
  return {
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    links,
  };
}
