import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  createCaseSchema,
  listCasesQuerySchema,
  casePageSchema,
  caseViewSchema,
  updateCaseSchema,
  type CreateCaseInput,
  type ListCasesQuery,
  type UpdateCaseInput,
} from './case.dto';
import { CasesService } from './cases.service';

// Reps only see their own cases: another rep's is a 404, exactly like a missing one.
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Open a case on an account; its SLA due time follows from the priority' })
  @ApiJsonBody(createCaseSchema, {
    accountId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
    subject: 'Gateway drops offline every night',
    description: 'Since the firmware update, TEL-GW-100 units disconnect around 02:00 UTC.',
    priority: 'high',
  })
  @ApiJsonResponse(201, caseViewSchema, 'Created')
  create(@Body(new ZodPipe(createCaseSchema, 'case')) body: CreateCaseInput, @CurrentUser() user: User) {
    return this.cases.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'List cases you may see (reps: their own), keyset-paginated by sort' })
  @ApiJsonResponse(200, casePageSchema)
  list(@Query(new ZodPipe(listCasesQuerySchema, 'query')) query: ListCasesQuery, @CurrentUser() user: User) {
    return this.cases.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: "One case; another rep's is reported as not found" })
  @ApiJsonResponse(200, caseViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.cases.get(id, user);
  }

  @Patch(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Change some fields; send the version you read (optimistic locking)' })
  @ApiJsonBody(updateCaseSchema, { version: 1, status: 'pending' })
  @ApiJsonResponse(200, caseViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateCaseSchema, 'case change')) body: UpdateCaseInput,
    @CurrentUser() user: User,
  ) {
    return this.cases.update(id, body, user);
  }

  @Delete(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Archive a case: hidden from lists, still readable by id' })
  @ApiJsonResponse(200, caseViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.cases.archive(id, user);
  }
}
