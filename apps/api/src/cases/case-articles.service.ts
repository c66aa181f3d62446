import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { assertMayEdit, assertVisible } from '../accounts/crm-access';
import { KbArticle } from '../knowledge/kb-article.entity';
import { User } from '../users/user.entity';
import { CaseArticle } from './case-article.entity';
import type { CaseArticleView } from './case-support.dto';
import { SupportCase } from './case.entity';

/** A case the viewer may see; with `edit`, one they may also work on (reply, link articles). */
export async function workableCase(
  em: EntityManager,
  id: string,
  viewer: User,
  edit: boolean,
): Promise<SupportCase> {
  const found = await em.findOne(SupportCase, { id }, { populate: ['owner', 'account', 'contact'] });
  const supportCase = assertVisible(found, viewer, 'case', id);
  if (edit) assertMayEdit(supportCase, viewer, 'cases');
  return supportCase;
}

// Customers are only ever pointed to what they can read themselves: published, unarchived articles.
export function publishedArticles(em: EntityManager, ids: readonly string[]): Promise<KbArticle[]> {
  return em.find(KbArticle, { id: { $in: [...ids] }, status: 'published', archivedAt: null });
}

/** Links the article unless it already is; the caller's transaction commits it. */
export async function linkArticle(
  tx: EntityManager,
  supportCase: SupportCase,
  article: KbArticle,
  actor: User,
): Promise<void> {
  if (await tx.count(CaseArticle, { supportCase, article })) return;
  tx.create(CaseArticle, { supportCase, article, linkedBy: tx.getReference(User, actor.id) });
}

function view(link: CaseArticle): CaseArticleView {
  const { article } = link;
  return {
    article: {
      id: article.id,
      title: article.title,
      slug: article.slug,
      status: article.status,
      archived: article.archivedAt !== null,
    },
    linkedBy: link.linkedBy ? { id: link.linkedBy.id, name: link.linkedBy.name } : null,
    linkedAt: link.linkedAt.toISOString(),
  };
}

@Injectable()
export class CaseArticlesService {
  constructor(private readonly em: EntityManager) {}

  async list(caseId: string, viewer: User): Promise<CaseArticleView[]> {
    await workableCase(this.em, caseId, viewer, false);
    return this.links(this.em.fork(), caseId);
  }

  async link(caseId: string, articleId: string, actor: User): Promise<CaseArticleView[]> {
    await this.em.transactional(async (tx) => {
      const supportCase = await workableCase(tx, caseId, actor, true);
      const [article] = await publishedArticles(tx, [articleId]);
      if (!article) throw new BatonError('NOT_FOUND', 'No published article with this id', { id: articleId });
      await linkArticle(tx, supportCase, article, actor);
    });
    return this.links(this.em.fork(), caseId);
  }

  async unlink(caseId: string, articleId: string, actor: User): Promise<void> {
    await this.em.transactional(async (tx) => {
      await workableCase(tx, caseId, actor, true);
      const link = await tx.findOne(CaseArticle, { supportCase: caseId, article: articleId });
      if (!link) {
        throw new BatonError('NOT_FOUND', 'This article is not linked to the case', { caseId, articleId });
      }
      tx.remove(link);
    });
  }

  /** Oldest link first: the order in which the customer was pointed to them. */
  links(em: EntityManager, caseId: string): Promise<CaseArticleView[]> {
    return em
      .find(
        CaseArticle,
        { supportCase: caseId },
        { populate: ['article', 'linkedBy'], orderBy: [{ linkedAt: 'asc' }, { id: 'asc' }] },
      )
      .then((links) => links.map(view));
  }
}
