import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { fieldsOf, recordChange } from '../accounts/crm-events';
import { Activity } from '../activities/activity.entity';
import { activityView } from '../activities/activity.view';
import type { KbArticle } from '../knowledge/kb-article.entity';
import { KbCannedAnswersService } from '../knowledge/kb-canned-answers.service';
import { nameParts, renderMergeFields, type MergeValues } from '../knowledge/merge-fields';
import { created } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import { User } from '../users/user.entity';
import { CaseArticlesService, linkArticle, publishedArticles, workableCase } from './case-articles.service';
import type { CaseReplyInput, CaseReplyView, RenderedAnswer } from './case-support.dto';
import type { SupportCase } from './case.entity';

// The fields an `activity.created` event carries, as ActivitiesService records them: a reply is
// an activity like any other to the timeline and to workflows.
const ACTIVITY_EVENT_FIELDS = [
  'kind',
  'subject',
  'body',
  'occurredAt',
  'durationMinutes',
  'recordType',
  'recordId',
  'author',
] as const;

function replySubject(supportCase: SupportCase): string {
  return `Re: ${supportCase.subject}`.slice(0, 300);
}

// The timeline keeps what the customer was sent, the articles included.
function replyBody(body: string, articles: readonly KbArticle[]): string {
  if (articles.length === 0) return body;
  return `${body}\n\nRelated articles:\n${articles.map((a) => `• ${a.title}`).join('\n')}`;
}

export function mergeValues(supportCase: SupportCase, agent: User): MergeValues {
  const contact = supportCase.contact;
  const { firstName, lastName } = nameParts(contact?.name ?? '');
  return {
    'case.subject': supportCase.subject,
    'case.priority': supportCase.priority,
    'case.status': supportCase.status,
    'account.name': supportCase.account.name,
    'contact.name': contact?.name ?? null,
    'contact.firstName': firstName,
    'contact.lastName': lastName,
    'owner.name': supportCase.owner?.name ?? null,
    'agent.name': agent.name,
  };
}

/** Agents answering a case: a reply on its timeline, optionally with articles, and canned answers. */
@Injectable()
export class CaseRepliesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly cannedAnswers: KbCannedAnswersService,
    private readonly caseArticles: CaseArticlesService,
  ) {}

  async reply(caseId: string, input: CaseReplyInput, actor: User): Promise<CaseReplyView> {
    const activityId = await this.em.transactional(async (tx) => {
      const supportCase = await workableCase(tx, caseId, actor, true);
      const wanted = [...new Set(input.articleIds ?? [])];
      const articles = await publishedArticles(tx, wanted);
      const missing = wanted.filter((id) => !articles.some((a) => a.id === id));
      if (missing.length > 0) {
        throw new BatonError('VALIDATION_FAILED', 'articleIds must name published articles', {
          field: 'articleIds',
          missing,
        });
      }
      const ordered = wanted.map((id) => articles.find((a) => a.id === id)!);
      const activity = tx.create(Activity, {
        kind: 'email',
        subject: replySubject(supportCase),
        body: replyBody(input.body, ordered),
        occurredAt: new Date(),
        recordType: 'case',
        recordId: supportCase.id,
        author: tx.getReference(User, actor.id),
      });
      const changes = created(fieldsOf(activity), ACTIVITY_EVENT_FIELDS);
      recordChange(this.outbox, tx, { type: 'activity', id: activity.id }, 'created', actor, changes);
      for (const article of ordered) await linkArticle(tx, supportCase, article, actor);
      return activity.id;
    });
    this.outbox.committed();
    const fresh = this.em.fork();
    const activity = await fresh.findOneOrFail(Activity, { id: activityId }, { populate: ['author'] });
    return { activity: activityView(activity), articles: await this.caseArticles.links(fresh, caseId) };
  }

  async render(caseId: string, cannedAnswerId: string, agent: User): Promise<RenderedAnswer> {
    const em = this.em.fork();
    const supportCase = await workableCase(em, caseId, agent, false);
    const answer = await this.cannedAnswers.find(em, cannedAnswerId);
    const { text, blanks } = renderMergeFields(answer.body, mergeValues(supportCase, agent));
    return { cannedAnswerId, text, blanks };
  }
}
