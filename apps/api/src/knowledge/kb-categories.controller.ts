import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { categoryViewSchema, createCategorySchema, type CreateCategoryInput } from './kb-article.dto';
import { KbCategoriesService } from './kb-categories.service';

@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('kb/categories')
export class KbCategoriesController {
  constructor(private readonly categories: KbCategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'The FAQ headings, in order' })
  @ApiJsonResponse(200, z.array(categoryViewSchema))
  list() {
    return this.categories.list();
  }

  @Post()
  @Roles('manager')
  @ApiOperation({ summary: 'Add a heading; it is placed last unless given a position' })
  @ApiJsonBody(createCategorySchema, { name: 'Billing' })
  @ApiJsonResponse(201, categoryViewSchema, 'Created')
  create(@Body(new ZodPipe(createCategorySchema, 'category')) body: CreateCategoryInput) {
    return this.categories.create(body);
  }
}
