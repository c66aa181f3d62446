import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  approveQuoteSchema,
  createQuoteSchema,
  listQuotesQuerySchema,
  quotePageSchema,
  quoteViewSchema,
  rejectQuoteSchema,
  updateQuoteSchema,
  type ApproveQuoteInput,
  type CreateQuoteInput,
  type ListQuotesQuery,
  type RejectQuoteInput,
  type UpdateQuoteInput,
} from './quote.dto';
import { QuotesService } from './quotes.service';

const PRODUCT_ID = '0b8e7c1a-5d2f-4e3a-9b6c-7d8e9f0a1b2c';

// Reps only see their own quotes: another rep's is a 404, exactly like a missing one.
// A status action the current status does not allow is 409 INVALID_TRANSITION.
@ApiTags('quotes')
@ApiBearerAuth()
@Controller('quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Post()
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Create a draft quote; subtotal, discount and total are computed from the lines' })
  @ApiJsonBody(createQuoteSchema, {
    opportunityId: '5a1d3c2b-8e7f-4a6b-9c0d-1e2f3a4b5c6d',
    name: 'Telemetry rollout — phase 1',
    lines: [
      { productId: PRODUCT_ID, quantity: 3, discountPercent: 10 },
      { productId: '1c9f8d2b-6e3a-4f4b-8c7d-8e9f0a1b2c3d', quantity: 1, unitPrice: '50.00' },
    ],
  })
  @ApiJsonResponse(201, quoteViewSchema, 'Created')
  create(@Body(new ZodPipe(createQuoteSchema, 'quote')) body: CreateQuoteInput, @CurrentUser() user: User) {
    return this.quotes.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'List quotes you may see (reps: their own), keyset-paginated by sort' })
  @ApiJsonResponse(200, quotePageSchema)
  list(
    @Query(new ZodPipe(listQuotesQuerySchema, 'query')) query: ListQuotesQuery,
    @CurrentUser() user: User,
  ) {
    return this.quotes.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: "One quote with its lines; another rep's is reported as not found" })
  @ApiJsonResponse(200, quoteViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.quotes.get(id, user);
  }

  @Patch(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Change a draft quote (lines are replaced); send the version you read' })
  @ApiJsonBody(updateQuoteSchema, { version: 1, lines: [{ productId: PRODUCT_ID, quantity: 5 }] })
  @ApiJsonResponse(200, quoteViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateQuoteSchema, 'quote change')) body: UpdateQuoteInput,
    @CurrentUser() user: User,
  ) {
    return this.quotes.update(id, body, user);
  }

  @Delete(':id')
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'Archive a quote: hidden from lists, still readable by id' })
  @ApiJsonResponse(200, quoteViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.quotes.archive(id, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'draft → submitted, for approval' })
  @ApiJsonResponse(200, quoteViewSchema)
  submit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.quotes.act(id, 'submit', user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('approver', 'manager')
  @ApiOperation({ summary: 'submitted → approved' })
  @ApiJsonBody(approveQuoteSchema, { comment: 'Discount within policy' })
  @ApiJsonResponse(200, quoteViewSchema)
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(approveQuoteSchema, 'approval')) body: ApproveQuoteInput,
    @CurrentUser() user: User,
  ) {
    return this.quotes.decide(id, 'approve', body?.comment, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('approver', 'manager')
  @ApiOperation({ summary: 'submitted → rejected, with a comment for the rep' })
  @ApiJsonBody(rejectQuoteSchema, { comment: 'Discount above 15% needs a multi-year term' })
  @ApiJsonResponse(200, quoteViewSchema)
  reject(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(rejectQuoteSchema, 'rejection')) body: RejectQuoteInput,
    @CurrentUser() user: User,
  ) {
    return this.quotes.decide(id, 'reject', body.comment, user);
  }

  @Post(':id/send')
  @HttpCode(200)
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'approved → sent to the customer' })
  @ApiJsonResponse(200, quoteViewSchema)
  send(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.quotes.act(id, 'send', user);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'sent → accepted by the customer' })
  @ApiJsonResponse(200, quoteViewSchema)
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.quotes.act(id, 'accept', user);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('sales_rep', 'manager')
  @ApiOperation({ summary: 'rejected → draft, to be edited and submitted again' })
  @ApiJsonResponse(200, quoteViewSchema)
  reopen(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.quotes.act(id, 'reopen', user);
  }

  @Post(':id/recall')
  @HttpCode(200)
  @Roles('sales_rep', 'manager')
  @ApiOperation({
    summary: 'submitted → draft: take a quote back from approval (recalls the pending request)',
  })
  @ApiJsonResponse(200, quoteViewSchema)
  recall(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.quotes.recall(id, user);
  }
}
