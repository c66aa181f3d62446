import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity';
import { KbArticle } from './kb-article.entity';
import { KbCannedAnswer } from './kb-canned-answer.entity';
import { KbCategory } from './kb-category.entity';
import { slugify } from './slug';

// Demo FAQ content, so the public help page and the case reply box are not empty on first start.

const CATEGORIES = ['Getting started', 'Gateways and sensors', 'Billing and accounts'] as const;

const ARTICLES: Array<{
  category: (typeof CATEGORIES)[number];
  title: string;
  tags: string[];
  body: string;
  draft?: true;
}> = [
  {
    category: 'Getting started',
    title: 'Reset your password',
    tags: ['account', 'sign-in'],
    body: 'On the sign-in page choose "Forgot password" and enter the email address you sign in with. We send a link that works for one hour. If your company signs in with SSO, your password is managed by your identity provider: ask your IT team instead.',
  },
  {
    category: 'Getting started',
    title: 'Invite colleagues to your workspace',
    tags: ['account', 'users'],
    body: 'Admins open Settings → Users and choose "Invite". Each invitation is valid for seven days. Seats are counted when the invitation is accepted, not when it is sent.',
  },
  {
    category: 'Gateways and sensors',
    title: 'Gateway drops offline at night',
    tags: ['gateway', 'connectivity'],
    body: 'Most night-time disconnects come from the nightly firmware check on TEL-GW-100 units. Update to firmware 4.2 or later from the device page, then restart the gateway. If it still drops offline, check that your router does not renew its DHCP lease at the same hour.',
  },
  {
    category: 'Gateways and sensors',
    title: 'Sensor readings out of range',
    tags: ['sensor', 'calibration'],
    body: 'A sensor that reports values outside its range usually needs calibrating. Open the sensor, choose "Calibrate" and follow the steps with the sensor at room temperature. Readings settle within fifteen minutes.',
  },
  {
    category: 'Gateways and sensors',
    title: 'Export your data to CSV',
    tags: ['data', 'export'],
    body: 'Any chart can be exported: open it, choose "Export" and pick CSV. Exports of more than a million rows are emailed to you as a download link when they are ready.',
  },
  {
    category: 'Billing and accounts',
    title: 'Why does my invoice show a different seat count?',
    tags: ['billing', 'invoice'],
    body: 'Invoices count the seats in use on the billing date, including invitations accepted that day. Seats removed mid-month are credited on the next invoice.',
  },
  {
    category: 'Billing and accounts',
    title: 'API rate limits',
    tags: ['api', 'limits'],
    body: 'Every workspace may make 600 API requests a minute. A request over the limit is answered 429 with a Retry-After header; wait that many seconds and try again.',
    draft: true,
  },
];

const CANNED_ANSWERS = [
  {
    title: 'Acknowledge a new case',
    body: 'Hi {{contact.firstName}},\n\nThank you for reporting "{{case.subject}}". I am looking into it now and will get back to you shortly.\n\nBest regards,\n{{agent.name}}',
  },
  {
    title: 'Ask for more details',
    body: 'Hi {{contact.firstName}},\n\nTo get to the bottom of "{{case.subject}}", could you tell us when it last happened and send a screenshot of what you see?\n\nThanks,\n{{agent.name}}',
  },
  {
    title: 'Case resolved',
    body: 'Hi {{contact.firstName}},\n\nGood news: "{{case.subject}}" is resolved. If anything still looks wrong, just reply and {{owner.name}} will pick it up again.\n\nBest regards,\n{{agent.name}}',
  },
];

export function seedDemoKnowledge(tx: EntityManager, author: User | undefined, now: number): void {
  const categories = new Map(
    CATEGORIES.map((name, position) => [
      name,
      tx.create(KbCategory, { name, slug: slugify(name), position }),
    ]),
  );
  for (const [i, article] of ARTICLES.entries()) {
    const at = new Date(now - (ARTICLES.length - i) * 86_400_000);
    tx.create(KbArticle, {
      title: article.title,
      slug: slugify(article.title),
      body: article.body,
      tags: article.tags,
      category: categories.get(article.category) ?? null,
      status: article.draft ? 'draft' : 'published',
      publishedAt: article.draft ? null : at,
      author: author ?? null,
      createdAt: at,
      updatedAt: at,
    });
  }
  for (const answer of CANNED_ANSWERS) tx.create(KbCannedAnswer, { ...answer, author: author ?? null });
}
