import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  approvalActionSchema,
  approvalPageSchema,
  approvalViewSchema,
  listApprovalsQuerySchema,
  type ApprovalActionBody,
  type ListApprovalsQuery,
} from './approval.dto';
import { ApprovalsService } from './approvals.service';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @ApiOperation({
    summary: 'Approval requests, newest first; `approver=me` is the inbox of requests waiting on you',
  })
  @ApiJsonResponse(200, approvalPageSchema)
  list(
    @Query(new ZodPipe(listApprovalsQuerySchema, 'query')) query: ListApprovalsQuery,
    @CurrentUser() user: User,
  ) {
    return this.approvals.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One approval request with its approvers, decisions and the rule that routed it' })
  @ApiJsonResponse(200, approvalViewSchema)
  get(@Param('id') id: string, @CurrentUser() user: User) {
    return this.approvals.get(id, user);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve, reject (with a comment), delegate, or recall (the submitter). Of two simultaneous decisions one wins; the other gets 409 APPROVAL_NOT_PENDING',
  })
  @ApiJsonBody(approvalActionSchema, { action: 'approve', comment: 'Fine for a three-year deal' })
  @ApiJsonResponse(200, approvalViewSchema)
  act(
    @Param('id') id: string,
    @Body(new ZodPipe(approvalActionSchema)) body: ApprovalActionBody,
    @CurrentUser() user: User,
  ) {
    return this.approvals.act(id, body, user);
  }
}
