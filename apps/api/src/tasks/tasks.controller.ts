import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import { listTasksQuerySchema, taskPageSchema, taskViewSchema, type ListTasksQuery } from './task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'Tasks of an assignee (`me` by default), soonest due first' })
  @ApiJsonResponse(200, taskPageSchema)
  list(@Query(new ZodPipe(listTasksQuerySchema, 'query')) query: ListTasksQuery, @CurrentUser() user: User) {
    return this.tasks.list(query, user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a task done' })
  @ApiJsonResponse(200, taskViewSchema)
  complete(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.tasks.complete(id, user);
  }
}
