import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  activityKindKeySchema,
  activityKindViewSchema,
  createActivityKindSchema,
  listActivityKindsQuerySchema,
  updateActivityKindSchema,
  type CreateActivityKindInput,
  type ListActivityKindsQuery,
  type UpdateActivityKindInput,
} from './activity.dto';
import { ActivityKindsService } from './activity-kinds.service';

// Roles('admin') alone: admins pass every role check, everyone else is refused.
@ApiTags('activities')
@ApiBearerAuth()
@Controller('activity-kinds')
export class ActivityKindsController {
  constructor(private readonly kinds: ActivityKindsService) {}

  @Get()
  @ApiOperation({ summary: 'The kinds of activity that can be logged (call, meeting, email, …)' })
  @ApiJsonResponse(200, z.array(activityKindViewSchema))
  list(@Query(new ZodPipe(listActivityKindsQuerySchema, 'query')) query: ListActivityKindsQuery) {
    return this.kinds.list(query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add an activity kind (admins only)' })
  @ApiJsonBody(createActivityKindSchema, { key: 'site_visit', label: 'Site visit', icon: 'map-pin' })
  @ApiJsonResponse(201, activityKindViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createActivityKindSchema, 'activity kind')) body: CreateActivityKindInput,
    @CurrentUser() user: User,
  ) {
    return this.kinds.create(body, user);
  }

  @Patch(':key')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename or deactivate an activity kind (admins only)' })
  @ApiJsonBody(updateActivityKindSchema, { active: false })
  @ApiJsonResponse(200, activityKindViewSchema)
  update(
    @Param('key', new ZodPipe(activityKindKeySchema, 'key')) key: string,
    @Body(new ZodPipe(updateActivityKindSchema, 'activity kind change')) body: UpdateActivityKindInput,
    @CurrentUser() user: User,
  ) {
    return this.kinds.update(key, body, user);
  }
}
