import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  createLeadSchema,
  leadPageSchema,
  leadViewSchema,
  listLeadsQuerySchema,
  type CreateLeadInput,
  type ListLeadsQuery,
  updateLeadSchema,
  type UpdateLeadInput,
} from './lead.dto';
import { LeadsService } from './leads.service';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Create a lead; published "lead created" workflows start for it' })
  @ApiJsonBody(createLeadSchema, {
    name: 'Ada Lovelace',
    email: 'ada@analytical.example',
    company: 'Analytical Engines',
    source: 'web',
  })
  @ApiJsonResponse(201, leadViewSchema, 'Created')
  create(@Body(new ZodPipe(createLeadSchema, 'lead')) body: CreateLeadInput, @CurrentUser() user: User) {
    return this.leads.create(body, user);
  }

  @Patch(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Change some fields of a lead; send the version you read (optimistic locking)' })
  @ApiJsonBody(updateLeadSchema, { version: 1, status: 'working', score: 60 })
  @ApiJsonResponse(200, leadViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateLeadSchema, 'lead change')) body: UpdateLeadInput,
    @CurrentUser() user: User,
  ) {
    return this.leads.update(id, body, user);
  }

  @Get()
  @ApiOperation({ summary: 'List leads, newest first, with cursor pagination' })
  @ApiJsonResponse(200, leadPageSchema)
  list(@Query(new ZodPipe(listLeadsQuerySchema, 'query')) query: ListLeadsQuery, @CurrentUser() user: User) {
    return this.leads.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One lead' })
  @ApiJsonResponse(200, leadViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.leads.get(id, user);
  }
}
