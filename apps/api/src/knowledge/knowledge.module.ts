import { Module } from '@nestjs/common';
import { CaseArticlesService } from '../cases/case-articles.service';
import { CaseRepliesService } from '../cases/case-replies.service';
import { CaseSupportController } from '../cases/case-support.controller';
import { KbArticlesController } from './kb-articles.controller';
import { KbArticlesService } from './kb-articles.service';
import { KbCannedAnswersController } from './kb-canned-answers.controller';
import { KbCannedAnswersService } from './kb-canned-answers.service';
import { KbCategoriesController } from './kb-categories.controller';
import { KbCategoriesService } from './kb-categories.service';
import { PublicFaqController } from './public-faq.controller';
import { PublicFaqService } from './public-faq.service';

/**
 * The support knowledge base — articles, categories, canned answers and the public FAQ — and what
 * agents do with it on a case: replies, canned answers filled in, articles linked.
 */
@Module({
  controllers: [
    KbArticlesController,
    KbCategoriesController,
    KbCannedAnswersController,
    PublicFaqController,
    CaseSupportController,
  ],
  providers: [
    KbArticlesService,
    KbCategoriesService,
    KbCannedAnswersService,
    PublicFaqService,
    CaseArticlesService,
    CaseRepliesService,
  ],
})
export class KnowledgeModule {}
