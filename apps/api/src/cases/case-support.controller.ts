import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import { CaseArticlesService } from './case-articles.service';
import { CaseRepliesService } from './case-replies.service';
import {
  caseArticleViewSchema,
  caseReplySchema,
  caseReplyViewSchema,
  renderAnswerSchema,
  renderedAnswerSchema,
  type CaseReplyInput,
  type RenderAnswerInput,
} from './case-support.dto';

// Working a case: the people who may change it (its rep, managers, admins) reply and link articles.
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseSupportController {
  constructor(
    private readonly replies: CaseRepliesService,
    private readonly articles: CaseArticlesService,
  ) {}

  @Post('replies')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Record a reply to the customer: an email activity on the case timeline' })
  @ApiJsonBody(caseReplySchema, {
    body: 'Hi Ada, the fix is rolling out tonight; this article shows how to check your firmware.',
    articleIds: ['7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60'],
  })
  @ApiJsonResponse(201, caseReplyViewSchema, 'Created')
  reply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(caseReplySchema, 'reply')) body: CaseReplyInput,
    @CurrentUser() user: User,
  ) {
    return this.replies.reply(id, body, user);
  }

  @Post('render-answer')
  @HttpCode(200)
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: "A canned answer filled in with this case's fields, to edit before replying" })
  @ApiJsonBody(renderAnswerSchema, { cannedAnswerId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60' })
  @ApiJsonResponse(200, renderedAnswerSchema)
  render(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(renderAnswerSchema, 'render request')) body: RenderAnswerInput,
    @CurrentUser() user: User,
  ) {
    return this.replies.render(id, body.cannedAnswerId, user);
  }

  @Get('articles')
  @ApiOperation({ summary: 'Knowledge-base articles linked to the case, oldest link first' })
  @ApiJsonResponse(200, z.array(caseArticleViewSchema))
  listArticles(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.articles.list(id, user);
  }

  @Post('articles/:articleId')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Link a published article to the case (linking twice changes nothing)' })
  @ApiJsonResponse(201, z.array(caseArticleViewSchema), 'Every article now linked')
  link(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('articleId', new ParseUUIDPipe()) articleId: string,
    @CurrentUser() user: User,
  ) {
    return this.articles.link(id, articleId, user);
  }

  @Delete('articles/:articleId')
  @Roles('sales_rep', 'manager')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlink an article from the case' })
  async unlink(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('articleId', new ParseUUIDPipe()) articleId: string,
    @CurrentUser() user: User,
  ): Promise<void> {
    await this.articles.unlink(id, articleId, user);
  }
}
