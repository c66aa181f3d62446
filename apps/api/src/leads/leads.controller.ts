import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  create(@Body(new ZodPipe(createLeadSchema, 'lead')) body: CreateLeadInput) {
    return this.leads.create(body);
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
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.leads.get(id);
  }
}
