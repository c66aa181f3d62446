import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  articlePageSchema,
  articleViewSchema,
  createArticleSchema,
  listArticlesQuerySchema,
  searchQuerySchema,
  searchResultSchema,
  updateArticleSchema,
  type CreateArticleInput,
  type ListArticlesQuery,
  type SearchQuery,
  type UpdateArticleInput,
} from './kb-article.dto';
import { KbArticlesService } from './kb-articles.service';

// Admins and managers write the knowledge base; everyone signed in reads what is published.
@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('kb')
export class KbArticlesController {
  constructor(private readonly articles: KbArticlesService) {}

  @Get('search')
  @ApiOperation({
    summary: 'Full-text search, best match first, with highlighted snippets (drafts for editors)',
  })
  @ApiJsonResponse(200, searchResultSchema)
  search(@Query(new ZodPipe(searchQuerySchema, 'query')) query: SearchQuery, @CurrentUser() user: User) {
    return this.articles.search(query, user);
  }

  @Get('articles')
  @ApiOperation({ summary: 'List articles, newest change first (drafts and archived ones for editors)' })
  @ApiJsonResponse(200, articlePageSchema)
  list(
    @Query(new ZodPipe(listArticlesQuerySchema, 'query')) query: ListArticlesQuery,
    @CurrentUser() user: User,
  ) {
    return this.articles.list(query, user);
  }

  @Post('articles')
  @Roles('manager')
  @ApiOperation({ summary: 'Write an article; it stays a draft until published' })
  @ApiJsonBody(createArticleSchema, {
    title: 'Reset your password',
    body: 'Open the sign-in page, choose "Forgot password" and follow the link we email you.',
    status: 'published',
    tags: ['account', 'sign-in'],
  })
  @ApiJsonResponse(201, articleViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createArticleSchema, 'article')) body: CreateArticleInput,
    @CurrentUser() user: User,
  ) {
    return this.articles.create(body, user);
  }

  @Get('articles/:id')
  @ApiOperation({ summary: 'One article; a draft is reported as not found to readers' })
  @ApiJsonResponse(200, articleViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.articles.get(id, user);
  }

  @Patch('articles/:id')
  @Roles('manager')
  @ApiOperation({ summary: 'Edit or publish an article; send the version you read' })
  @ApiJsonBody(updateArticleSchema, { version: 1, status: 'published' })
  @ApiJsonResponse(200, articleViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateArticleSchema, 'article change')) body: UpdateArticleInput,
    @CurrentUser() user: User,
  ) {
    return this.articles.update(id, body, user);
  }

  @Delete('articles/:id')
  @Roles('manager')
  @ApiOperation({ summary: 'Archive an article: gone from the FAQ and search, kept for editors' })
  @ApiJsonResponse(200, articleViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.articles.archive(id, user);
  }
}
