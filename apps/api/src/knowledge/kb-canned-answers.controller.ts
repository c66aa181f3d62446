import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  cannedAnswerPageSchema,
  cannedAnswerViewSchema,
  createCannedAnswerSchema,
  listCannedAnswersQuerySchema,
  updateCannedAnswerSchema,
  type CreateCannedAnswerInput,
  type ListCannedAnswersQuery,
  type UpdateCannedAnswerInput,
} from './kb-canned-answer.dto';
import { KbCannedAnswersService } from './kb-canned-answers.service';

@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('kb/canned-answers')
export class KbCannedAnswersController {
  constructor(private readonly answers: KbCannedAnswersService) {}

  @Get()
  @ApiOperation({ summary: 'Canned answers by title; render one against a case to reply with it' })
  @ApiJsonResponse(200, cannedAnswerPageSchema)
  list(@Query(new ZodPipe(listCannedAnswersQuerySchema, 'query')) query: ListCannedAnswersQuery) {
    return this.answers.list(query);
  }

  @Post()
  @Roles('manager')
  @ApiOperation({ summary: 'Add a canned answer; unknown merge fields are refused' })
  @ApiJsonBody(createCannedAnswerSchema, {
    title: 'We are on it',
    body: 'Hi {{contact.firstName}},\n\nThanks for reporting "{{case.subject}}". I am looking into it.\n\n{{agent.name}}',
  })
  @ApiJsonResponse(201, cannedAnswerViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createCannedAnswerSchema, 'canned answer')) body: CreateCannedAnswerInput,
    @CurrentUser() user: User,
  ) {
    return this.answers.create(body, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One canned answer' })
  @ApiJsonResponse(200, cannedAnswerViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.answers.get(id);
  }

  @Patch(':id')
  @Roles('manager')
  @ApiOperation({ summary: 'Change a canned answer; send the version you read' })
  @ApiJsonBody(updateCannedAnswerSchema, { version: 1, title: 'Looking into it' })
  @ApiJsonResponse(200, cannedAnswerViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateCannedAnswerSchema, 'canned answer change')) body: UpdateCannedAnswerInput,
  ) {
    return this.answers.update(id, body);
  }

  @Delete(':id')
  @Roles('manager')
  @ApiOperation({ summary: 'Archive a canned answer: no longer offered' })
  @ApiJsonResponse(200, cannedAnswerViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.answers.archive(id);
  }
}
