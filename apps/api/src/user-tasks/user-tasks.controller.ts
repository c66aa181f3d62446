import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { taskViewSchema } from '../tasks/task.dto';
import type { User } from '../users/user.entity';
import {
  createUserTaskSchema,
  reassignRequestSchema,
  reassignTaskSchema,
  snoozeTaskSchema,
  type CreateUserTaskInput,
  type ReassignRequestInput,
  type ReassignTaskInput,
  type SnoozeTaskInput,
} from './user-task.dto';
import { UserTasksService } from './user-tasks.service';

// Shares the /tasks prefix with TasksController (list, complete).
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class UserTasksController {
  constructor(private readonly tasks: UserTasksService) {}

  @Post()
  // Engineers read customer data but never change it.
  @Roles('sales_rep', 'manager', 'approver')
  @ApiOperation({ summary: 'Create a task; reps assign only themselves, managers and admins anyone' })
  @ApiJsonBody(createUserTaskSchema, {
    title: 'Send the revised quote',
    description: 'Include the 5% volume discount agreed on the call.',
    dueAt: '2026-11-25T16:00:00Z',
    priority: 'high',
    recordType: 'opportunity',
    recordId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
  })
  @ApiJsonResponse(201, taskViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createUserTaskSchema, 'task')) body: CreateUserTaskInput,
    @CurrentUser() user: User,
  ) {
    return this.tasks.create(body, user);
  }

  @Post(':id/snooze')
  // Engineers read customer data but never change it.
  @Roles('sales_rep', 'manager', 'approver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Push your own open task to a later due time' })
  @ApiJsonBody(snoozeTaskSchema, { until: '2026-11-26T09:00:00Z' })
  @ApiJsonResponse(200, taskViewSchema)
  snooze(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(snoozeTaskSchema, 'snooze')) body: SnoozeTaskInput,
    @CurrentUser() user: User,
  ) {
    return this.tasks.snooze(id, body, user);
  }

  @Post(':id/reassign-request')
  @Roles('sales_rep', 'manager', 'approver')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Ask for your own open task to go to someone else; your manager (or, without one, the admins) is told. Asking again while a request is pending is 409 REASSIGN_ALREADY_REQUESTED',
  })
  @ApiJsonBody(reassignRequestSchema, {
    reason: 'I am at the customer site all week; Sam knows this account.',
    suggestedAssigneeId: '3d0f6c2a-8b1e-4f7a-9c2d-5e6f7a8b9c0d',
  })
  @ApiJsonResponse(200, taskViewSchema)
  requestReassignment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(reassignRequestSchema, 'reassignment request')) body: ReassignRequestInput,
    @CurrentUser() user: User,
  ) {
    return this.tasks.requestReassignment(id, body, user);
  }

  @Post(':id/reassign')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Hand an open task to another active user (the assignee's managers and admins); answers a pending request",
  })
  @ApiJsonBody(reassignTaskSchema, { assigneeId: '3d0f6c2a-8b1e-4f7a-9c2d-5e6f7a8b9c0d' })
  @ApiJsonResponse(200, taskViewSchema)
  reassign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(reassignTaskSchema, 'reassignment')) body: ReassignTaskInput,
    @CurrentUser() user: User,
  ) {
    return this.tasks.reassign(id, body, user);
  }
}
