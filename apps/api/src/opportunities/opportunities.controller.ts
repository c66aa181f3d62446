import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  createOpportunitySchema,
  listOpportunitiesQuerySchema,
  opportunityPageSchema,
  opportunityViewSchema,
  updateOpportunitySchema,
  type CreateOpportunityInput,
  type ListOpportunitiesQuery,
  type UpdateOpportunityInput,
} from './opportunity.dto';
import { OpportunitiesService } from './opportunities.service';

// Reps only see their own opportunities: another rep's is a 404, exactly like a missing one.
@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('opportunities')
export class OpportunitiesController {
  constructor(private readonly opportunities: OpportunitiesService) {}

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary: 'Create an opportunity on an account, owned by the creator unless ownerId says otherwise',
  })
  @ApiJsonBody(createOpportunitySchema, {
    accountId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
    name: 'Fleet telemetry rollout',
    stage: 'proposal',
    amount: '125000.00',
    currency: 'EUR',
    closeDate: '2026-12-15',
    rfpReference: 'RFP-2026-041',
    offerDeadline: '2026-11-30T12:00:00Z',
  })
  @ApiJsonResponse(201, opportunityViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createOpportunitySchema, 'opportunity')) body: CreateOpportunityInput,
    @CurrentUser() user: User,
  ) {
    return this.opportunities.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'List opportunities you may see (reps: their own), keyset-paginated by sort' })
  @ApiJsonResponse(200, opportunityPageSchema)
  list(
    @Query(new ZodPipe(listOpportunitiesQuerySchema, 'query')) query: ListOpportunitiesQuery,
    @CurrentUser() user: User,
  ) {
    return this.opportunities.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: "One opportunity; another rep's is reported as not found" })
  @ApiJsonResponse(200, opportunityViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.opportunities.get(id, user);
  }

  @Patch(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Change some fields; send the version you read (optimistic locking)' })
  @ApiJsonBody(updateOpportunitySchema, { version: 1, stage: 'negotiation', amount: '118000.00' })
  @ApiJsonResponse(200, opportunityViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateOpportunitySchema, 'opportunity change')) body: UpdateOpportunityInput,
    @CurrentUser() user: User,
  ) {
    return this.opportunities.update(id, body, user);
  }

  @Delete(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Archive an opportunity: hidden from lists, still readable by id' })
  @ApiJsonResponse(200, opportunityViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.opportunities.archive(id, user);
  }
}
