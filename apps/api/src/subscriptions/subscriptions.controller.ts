import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  createSubscriptionSchema,
  listSubscriptionsQuerySchema,
  subscriptionPageSchema,
  subscriptionViewSchema,
  updateSubscriptionSchema,
  type CreateSubscriptionInput,
  type ListSubscriptionsQuery,
  type UpdateSubscriptionInput,
} from './subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

// Reps only see their own contracts: another rep's is a 404, exactly like a missing one.
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Create a subscription (contract) on an account' })
  @ApiJsonBody(createSubscriptionSchema, {
    accountId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
    plan: 'Platform enterprise, 50 seats',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    renewalStatus: 'active',
    warrantyEnd: '2027-12-31',
    amount: '46000.00',
  })
  @ApiJsonResponse(201, subscriptionViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createSubscriptionSchema, 'subscription')) body: CreateSubscriptionInput,
    @CurrentUser() user: User,
  ) {
    return this.subscriptions.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'List subscriptions you may see (reps: their own), keyset-paginated by sort' })
  @ApiJsonResponse(200, subscriptionPageSchema)
  list(
    @Query(new ZodPipe(listSubscriptionsQuerySchema, 'query')) query: ListSubscriptionsQuery,
    @CurrentUser() user: User,
  ) {
    return this.subscriptions.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: "One subscription; another rep's is reported as not found" })
  @ApiJsonResponse(200, subscriptionViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.subscriptions.get(id, user);
  }

  @Patch(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Change some fields; send the version you read (optimistic locking)' })
  @ApiJsonBody(updateSubscriptionSchema, { version: 1, renewalStatus: 'renewal_due' })
  @ApiJsonResponse(200, subscriptionViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateSubscriptionSchema, 'subscription change')) body: UpdateSubscriptionInput,
    @CurrentUser() user: User,
  ) {
    return this.subscriptions.update(id, body, user);
  }

  @Delete(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Archive a subscription: hidden from lists, still readable by id' })
  @ApiJsonResponse(200, subscriptionViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.subscriptions.archive(id, user);
  }
}
